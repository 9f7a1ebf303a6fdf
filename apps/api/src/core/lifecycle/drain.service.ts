import { type BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { type Observable, ReplaySubject } from 'rxjs';

/** Once draining, the process waits for this long with no request in flight before it closes. */
const QUIET_MS = 250;

/**
 * The HTTP process's graceful stop, first half. On SIGTERM the API does not close its server at once: closing makes
 * Node drop every keep-alive connection that has no request *being handled*, which includes connections whose
 * request is already on the wire but not yet read — those clients would see a reset for a comment they sent. So it
 * first drains: readiness answers 503 (a load balancer stops routing here), every answer carries
 * `Connection: close` (clients reconnect elsewhere), requests still arriving are served, and once no request has
 * been in flight for a moment (or the drain's time is up) main.ts closes the app (HTTP server, then queues,
 * Postgres and Redis). Open live streams end as the drain starts (`stopping$`): a dashboard reconnects to a replica
 * that is up, and its stream does not hold this one.
 */
@Injectable()
export class DrainService implements BeforeApplicationShutdown {
  private inFlight = 0;
  private draining = false;
  private readonly stoppingSubject = new ReplaySubject<void>(1);
  /** Emits once, when the process starts to stop (a drain, or `app.close()` without one). */
  readonly stopping$: Observable<void> = this.stoppingSubject.asObservable();

  get isDraining(): boolean {
    return this.draining;
  }

  /** Counts a request until its response is finished or its connection is gone. */
  track(res: ServerResponse): void {
    this.inFlight++;
    res.once('close', () => this.inFlight--);
  }

  /** Starts draining; resolves when no request has been in flight for QUIET_MS, or after `maxMs`. */
  async drain(maxMs: number): Promise<{ ms: number; inFlight: number }> {
    this.startStopping();
    const t0 = Date.now();
    let quietSince = this.inFlight === 0 ? t0 : 0;
    while (Date.now() - t0 < maxMs) {
      await new Promise((r) => setTimeout(r, 25));
      if (this.inFlight > 0) quietSince = 0;
      else if (quietSince === 0) quietSince = Date.now();
      else if (Date.now() - quietSince >= QUIET_MS) break;
    }
    return { ms: Date.now() - t0, inFlight: this.inFlight };
  }

  beforeApplicationShutdown(): void {
    this.startStopping();
  }

  private startStopping(): void {
    if (this.draining) return;
    this.draining = true;
    this.stoppingSubject.next();
    this.stoppingSubject.complete();
  }
}
