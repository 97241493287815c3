import { JwtService } from '@nestjs/jwt';
import { request } from 'node:http';
import { runSimulation, type SimulationReport } from '../simulator/simulation';
import { SECRET } from './ingest-bench';
import { summarise } from './stats';

const get = (url: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = request(url, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });

/** The floor under any latency Regie can show: a bare HTTP round trip to the same server. */
export const httpRoundTrip = async (url: string, samples: number) => {
  const latencies: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const t0 = performance.now();
    if ((await get(`${url}/health`)) !== 200) throw new Error('health check failed');
    latencies.push(performance.now() - t0);
  }
  return summarise(latencies);
};

/** Escalation latency under the simulator's load: trigger posted → assignment on the agent's SSE stream. */
export const escalationUnderLoad = async (url: string, customers: number, rate: number, agents: number): Promise<SimulationReport> => {
  const jwt = new JwtService({ secret: SECRET });
  const sign = (sub: string, role: string) => jwt.sign({ roles: [role] }, { subject: sub, algorithm: 'HS256', expiresIn: '6h' });
  return runSimulation({
    url,
    channelToken: sign('bench-simulator', 'channel'),
    agentTokens: Array.from({ length: agents }, (_, index) => ({
      id: `bench-agent-${index}`,
      token: sign(`bench-agent-${index}`, 'agent'),
    })),
    customers,
    rate,
    seed: 7,
    handleMs: 50,
    drainMs: 60_000,
  });
};
