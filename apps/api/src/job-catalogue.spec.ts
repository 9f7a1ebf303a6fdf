import { RuleJobsProcessor } from './rules/rule-jobs.processor.js';
import { MaintenanceProcessor } from './triage/maintenance.processor.js';
import { TriageProcessor } from './triage/triage.processor.js';
import { JOB_QUEUE, JobName, QueueName } from './core/queue/queue.constants.js';

const PROCESSORS = {
  [QueueName.Triage]: TriageProcessor,
  [QueueName.Maintenance]: MaintenanceProcessor,
  [QueueName.RuleJobs]: RuleJobsProcessor,
};

describe('job catalogue', () => {
  it.each(Object.values(JobName))('job "%s" has exactly one handler, on its own queue', (name) => {
    const handlers = Object.entries(PROCESSORS).filter(([, p]) => (p.handles as readonly string[]).includes(name));
    expect(handlers.map(([queue]) => queue)).toEqual([JOB_QUEUE[name]]);
  });

  it('every queue has a processor', () => {
    expect(Object.keys(PROCESSORS).sort()).toEqual(Object.values(QueueName).sort());
  });

  it('a processor refuses a job name it does not know (no silent success)', async () => {
    const p = new TriageProcessor({ triage: jest.fn() } as never, { triage: { concurrency: 1 } } as never);
    await expect(p.process({ name: 'mystery', id: '1', data: {} } as never)).rejects.toThrow('no handler for job "mystery"');
  });

  it('the triage processor hands the comment id to the triage service', async () => {
    const triage = jest.fn().mockResolvedValue('decided');
    const p = new TriageProcessor({ triage } as never, { triage: { concurrency: 1 } } as never);
    await expect(p.process({ name: JobName.TriageComment, id: 'c1', data: { commentId: 'c1' } } as never)).resolves.toBe('decided');
    expect(triage).toHaveBeenCalledWith('c1');
  });

  it.each([
    [JobName.Backtest, 'backtests'],
    [JobName.Retriage, 'retriage'],
  ] as const)('the rule-jobs processor hands the run id of "%s" to its service, with a progress callback', async (name, service) => {
    const run = jest.fn().mockResolvedValue('ok');
    const deps = { backtests: { run: jest.fn() }, retriage: { run: jest.fn() }, [service]: { run } };
    const p = new RuleJobsProcessor(deps.backtests as never, deps.retriage as never, {} as never, {} as never, {} as never, {} as never);
    const updateProgress = jest.fn();
    await expect(p.process({ name, id: 'j1', data: { runId: 'r1' }, updateProgress } as never)).resolves.toBe('ok');
    expect(run).toHaveBeenCalledWith('r1', expect.any(Function));
    await run.mock.calls[0][1](42);
    expect(updateProgress).toHaveBeenCalledWith(42);
  });

  it('the rule-jobs processor hands a retrain\'s model id to the learned-models service, and the nightly job to its nightly run', async () => {
    const learned = { run: jest.fn().mockResolvedValue('shadow'), nightly: jest.fn().mockResolvedValue('nothing new') };
    const p = new RuleJobsProcessor({} as never, {} as never, {} as never, learned as never, {} as never, {} as never);
    const updateProgress = jest.fn();
    await expect(p.process({ name: JobName.Retrain, id: 'j2', data: { modelId: 'm1' }, updateProgress } as never)).resolves.toBe('shadow');
    expect(learned.run).toHaveBeenCalledWith('m1', expect.any(Function));
    await expect(p.process({ name: JobName.NightlyRetrain, id: 'j3', data: {}, updateProgress } as never)).resolves.toBe('nothing new');
  });
});
