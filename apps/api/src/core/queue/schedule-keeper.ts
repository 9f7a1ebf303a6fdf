import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';

export interface KeptSchedule {
  /** The job scheduler's id (one per schedule, shared by every worker: upserting it is idempotent). */
  id: string;
  every: number;
  /** How often each worker checks that the schedule is still there (ms). */
  checkEvery: number;
  job: { name: string; data: Record<string, unknown>; opts: { removeOnComplete: boolean; removeOnFail: number } };
  /**
   * BullMQ runs a newly created `every` schedule at once. With this, a created (or re-created) schedule's first run
   * waits for the next multiple of `every` since the epoch (every 24 h: 00:00 UTC), so a worker start or a Redis that
   * lost its data does not run the job there and then; an existing schedule keeps its next run either way.
   */
  startAtNextSlot?: boolean;
}

/**
 * Keeps a repeating BullMQ job in Redis for as long as a worker runs. A job scheduler lives only in Redis: when
 * Redis loses its data (restarted empty, flushed, failed over to an empty replica) the schedule is gone, and with
 * the reconciler's schedule gone accepted comments stayed pending until a worker happened to restart (issue 16:
 * 660 comments for 4.5 minutes). So every worker, not only at start:
 * - asserts the schedule when its connection to Redis is ready again after a drop, and
 * - checks it every `checkEvery` (the reconciler's interval, RECONCILE_EVERY_SECONDS): missing, or its next run
 *   overdue by two periods (its job was lost), it is upserted again.
 * The check is one read; the upsert runs only when needed, so N workers do not keep moving the next run.
 */
export class ScheduleKeeper {
  private readonly logger = new Logger('Schedules');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly onReady = () => void this.check('reconnected');

  constructor(
    private readonly queue: Queue,
    private readonly schedule: KeptSchedule,
  ) {}

  /** Asserts the schedule now (failing like the first upsert did before), then keeps it. */
  async start(): Promise<void> {
    await this.assert('start');
    this.queue.getBackend().on('ready', this.onReady);
    this.timer = setInterval(() => void this.check('periodic'), this.schedule.checkEvery);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.queue.getBackend().off('ready', this.onReady);
  }

  /** One check at a time; a failure (Redis unreachable) is logged and the next tick tries again. */
  private check(why: string): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.assert(why)
      .catch((err: Error) => this.logger.warn(`${this.queue.name}/${this.schedule.id}: could not check the schedule (${err.message}); retrying`))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async assert(why: string): Promise<void> {
    const { id, every, job } = this.schedule;
    if (why !== 'start') {
      const current = await this.queue.getJobScheduler(id);
      const next = Number(current?.next ?? 0);
      if (current && Number(current.every) === every && next > Date.now() - 2 * every) return;
      this.logger.warn(`${this.queue.name}/${id}: schedule ${current ? 'overdue' : 'missing'} in Redis (${why}); re-created`);
    }
    if (this.stopped) return;
    const startDate = this.schedule.startAtNextSlot ? (Math.floor(Date.now() / every) + 1) * every : undefined;
    await this.queue.upsertJobScheduler(id, { every, ...(startDate ? { startDate } : {}) }, job);
  }
}

/** Starts a ScheduleKeeper for `schedule` on `queue` (see there). */
export async function keepSchedule(queue: Queue, schedule: KeptSchedule): Promise<ScheduleKeeper> {
  const keeper = new ScheduleKeeper(queue, schedule);
  await keeper.start();
  return keeper;
}
