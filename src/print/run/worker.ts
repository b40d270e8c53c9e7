/** Worker thread: renders the board and card jobs of the pool, one at a time, with fonts parsed once, and stores them in the print cache. */
import { serveTasks } from '../../workers/pool.ts';
import { renderAndStore } from './pool.ts';

serveTasks(renderAndStore);
