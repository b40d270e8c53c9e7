/** Worker thread: reads the text of the PDF files sent by the pool, keeping PDF.js loaded between files. */
import { serveTasks } from '../workers/pool.ts';
import { readPdfTextOrReason } from './pdf-text.ts';

serveTasks(readPdfTextOrReason);
