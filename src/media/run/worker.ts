/** Worker thread: renders media tasks (share pictures, booklets, broadcast sheets) with fonts parsed once, into the media cache. */
import { serveTasks } from '../../workers/pool.ts';
import { renderMediaTask } from './media-tasks.ts';

serveTasks(renderMediaTask);
