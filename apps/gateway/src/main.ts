import 'reflect-metadata';
import { runMain } from '@regie/application';

// Stateless HTTP ingest: validates interactions and produces them to Kafka. Scale freely.
runMain('gateway', ['gateway'], 'Regie gateway');
