import 'reflect-metadata';
import { runMain } from '@regie/application';

// Consumer group member: records interactions, runs the sagas, dispatches cases, publishes decisions.
runMain('orchestrator', ['orchestrator'], 'Regie orchestrator');
