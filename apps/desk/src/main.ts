import 'reflect-metadata';
import { runMain } from '../../regie/src/run-main';

// The agent and supervisor API over the store.
runMain('desk', ['desk'], 'Regie desk');
