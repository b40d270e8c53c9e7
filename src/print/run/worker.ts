/** Worker thread: renders the board and card jobs sent by the pool, one at a time, with fonts parsed once. */
import { serveTasks } from '../../workers/pool.ts';
import { renderTask } from './pool.ts';

serveTasks(renderTask);
