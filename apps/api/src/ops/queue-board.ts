import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { readCookie } from '../core/http/cookies.js';
import { QueueName } from '../core/queue/queue.constants.js';

export const QUEUE_BOARD_PATH = '/admin/queues';
export const QUEUE_BOARD_COOKIE = 'sift_queue_board';
export const QUEUE_BOARD_ISSUER = 'sift-queue-board';
export const QUEUE_BOARD_TTL_SECONDS = 15 * 60;

/**
 * Bull Board (the queues' own UI: waiting, active, failed jobs, retry) at /admin/queues, for admins only. A browser
 * navigation carries no bearer token, so an admin's dashboard first asks POST /api/ops/queue-board/session for a
 * short-lived HttpOnly cookie scoped to this path; every request here checks it (401 without, 403 for non-admins).
 */
export async function mountQueueBoard(app: NestFastifyApplication): Promise<void> {
  const jwt = app.get(JwtService, { strict: false });
  const queues = Object.values(QueueName).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name))));
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues, serverAdapter, options: { uiConfig: { boardTitle: 'Sift queues' } } });

  await app.register(
    async (instance: FastifyInstance) => {
      instance.addHook('onRequest', async (req, reply) => {
        const token = readCookie(req.headers.cookie, QUEUE_BOARD_COOKIE);
        let role: string | undefined;
        try {
          role = token ? (await jwt.verifyAsync<{ role: string }>(token, { issuer: QUEUE_BOARD_ISSUER })).role : undefined;
        } catch {
          role = undefined;
        }
        if (!role) {
          return reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'open the queue board from the dashboard (admins)' });
        }
        if (role !== 'admin') {
          return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: 'the queue board is for admins' });
        }
      });
      await instance.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUE_BOARD_PATH },
  );
}
