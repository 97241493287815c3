import 'reflect-metadata';
import { runMain } from '../../regie/src/run-main';

// Consumer group member: records interactions, runs the sagas, dispatches cases, publishes decisions.
runMain('orchestrator', ['orchestrator'], 'Regie orchestrator');
