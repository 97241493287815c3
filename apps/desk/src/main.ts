import 'reflect-metadata';
import { runMain } from '@regie/application';

// The agent and supervisor API over the store.
runMain('desk', ['desk'], 'Regie desk');
