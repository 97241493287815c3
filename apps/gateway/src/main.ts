import 'reflect-metadata';
import { runMain } from '../../regie/src/run-main';

// Stateless HTTP ingest: validates interactions and produces them to Kafka. Scale freely.
runMain('gateway', ['gateway'], 'Regie gateway');
