import type { RuleInput } from '../contract/rule.js';
import { OFF_TOPIC_DEFAULTS, offTopicConfigSchema, offTopicRule, type OffTopicInput } from './off-topic.rule.js';

const ARTICLE = {
  title: 'Council approves new bike lanes on Main Street',
  subtitle: 'Cyclists welcome the vote; shop owners worry about parking',
  body:
    'The city council voted 7-2 on Tuesday to build protected bike lanes along Main Street, removing about forty ' +
    'parking spaces. Cycling groups said the lanes will make commuting safer, while several shop owners warned ' +
    'that losing parking would hurt business. Construction starts in the spring and is expected to cost $2 million.',
};
const input = (body: string, opts: { title?: string | null; parent?: string; article?: RuleInput['article'] } = {}): RuleInput => ({
  comment: { title: opts.title ?? null, body, authorName: 'r', authorId: null, receivedAt: new Date(0) },
  article: opts.article === undefined ? ARTICLE : opts.article,
  parent: opts.parent ? { title: null, body: opts.parent, authorName: 'p' } : null,
});
const rule = offTopicRule.compile(offTopicConfigSchema.parse({}));
const fires = (v: { score: number; threshold: number }) => v.score >= v.threshold;

describe('off_topic rule', () => {
  it.each([
    ['Finally! Protected bike lanes will make my commute so much safer.', false],
    ['Forty parking spaces gone? The shop owners on Main Street are right to worry about business.', false],
    ['Two million dollars for paint and posts. The council should fix the potholes first.', false],
    ['My favourite recipe for banana bread uses walnuts and brown sugar, baked for an hour.', true],
    ['The quarterback threw three interceptions and the coach still refuses to bench him.', true],
    // Shares only a common word ("several") with the article: weak evidence, counted at half.
    ['I watched a film last night and several scenes were great.', true],
  ])('%j → off-topic %s', (text, expected) => {
    expect(fires(rule(input(text)))).toBe(expected);
  });

  it.each([
    ['https://www.youtube.com/watch?v=abc123', 'link-only'],
    ['look at this ... http://example.org/v/123', 'link-only'],
    ['> look at this ...', 'content-free'],
    ['click here!!!', 'content-free'],
    ['Велосипедные дорожки — это пустая трата денег и времени для всех.', 'other-script'],
    ['Wir fahren jeden Morgen mit dem Fahrrad zur Arbeit und finden diese neuen Wege wunderbar.', 'other-language'],
  ])('%j is off-topic as %s', (text, reason) => {
    const v = rule(input(text));
    expect(fires(v)).toBe(true);
    expect(v.evidence.reason).toBe(reason);
    expect(v.evidence.sharedTerms).toBe('none');
  });

  it('gives the top shared terms as evidence, or "none"', () => {
    const on = rule(input('The bike lanes on Main Street are great for cyclists.'));
    expect(on.evidence.terms).toEqual(expect.arrayContaining(['bike', 'lanes', 'cyclists']));
    expect(on.evidence.summary).toMatch(/with the article/);
    const off = rule(input('Lovely weather for sailing this weekend.'));
    expect(off.evidence.sharedTerms).toBe('none');
    expect(off.evidence.summary).toBe('shares no content word with the article');
  });

  it('judges a short reply against its parent', () => {
    const parent = 'The parking spaces matter more than anyone admits: deliveries need them.';
    const v = rule(input('Deliveries can use side streets.', { parent }));
    expect(v.evidence.against).toBe('parent');
    expect(v.evidence.shortReply).toBe(true);
    expect(fires(v)).toBe(false);
    expect(fires(rule(input('Anyone watching the hockey game tonight?', { parent })))).toBe(true);
  });

  it('a longer reply may match the article or the parent, whichever is closer', () => {
    const parent = 'I agree with the council.';
    const v = rule(input('Protected lanes on Main Street mean fewer cyclists on the sidewalk and safer commuting for everyone.', { parent }));
    expect(v.evidence.against).toBe('article');
    expect(fires(v)).toBe(false);
  });

  it('rebuilds the article index when the article changes', () => {
    const text = 'The ferry schedule changes are a disaster for islanders.';
    const before = rule(input(text));
    const after = rule(input(text, { article: { title: 'Ferry schedule cut for islanders', subtitle: null, body: null } }));
    expect(fires(before)).toBe(true);
    expect(fires(after)).toBe(false);
  });

  it('has nothing to judge without an article or a parent', () => {
    const v = rule(input('Anything at all', { article: null }));
    expect(v.score).toBe(0);
    expect(v.evidence.reason).toBe('no-reference');
  });

  it('uses the thread, when given, as extra evidence of what is on topic', () => {
    // The article is a bare headline; its comments keep coming back to helmets and the pavement.
    const article = { title: 'Electric scooters arrive downtown', subtitle: null, body: null };
    const thread = [
      'The electric scooters left on the pavement block wheelchairs, and nobody wears a helmet.',
      'Scooters everywhere downtown, helmets nowhere: the pavement is chaos.',
      'Rented an electric scooter yesterday; the helmet rule is ignored and the pavement is crowded.',
      'Scooters on the pavement again. Enforce the helmet law.',
      'A scooter with a flat tyre is just litter downtown.',
      'The library should open on Sundays.',
    ].map((body) => ({ title: null, body }));
    const text = 'Nobody bothers with a helmet on the pavement these days.';
    const alone = rule(input(text, { article }));
    const withThread = rule({ ...input(text, { article }), thread } as OffTopicInput);
    expect(withThread.score).toBeLessThan(alone.score);
    expect(withThread.evidence.threadTerms).toEqual(expect.arrayContaining(['helmet', 'pavement']));
  });

  it('takes as seeds only comments that share an article word beyond the common-word list', () => {
    // "first" is a common word: comments that match the article only on it are not on topic, and the words they
    // share ("parking", "tickets") are no evidence of relevance.
    const article = {
      title: "City pool adopts 'first come, first served' lane booking",
      subtitle: null,
      body: 'Swimmers must book a lane online, and lifeguards will enforce the booking limits from Monday.',
    };
    const thread = [
      'The pool lanes smell of chlorine, but online booking is a good idea.',
      'Lifeguards should check the chlorine, not the booking app.',
      'First they ticket every parked car, then parking tickets pay for everything.',
      'Parking tickets first, potholes never.',
      'First rule of parking in this town: expect tickets.',
      'Swimmers complain the booking limits are too strict.',
    ].map((body) => ({ title: null, body }));
    const text = 'Parking tickets are a tax on people who work in town.';
    const v = rule({ ...input(text, { article }), thread } as OffTopicInput);
    expect(v.evidence.threadTerms).toBeUndefined();
    expect(fires(v)).toBe(true);
    // Comments that share specific words ("lane", "booking") with the article still bring theirs in.
    const on = rule({ ...input('Too much chlorine stings the eyes.', { article }), thread } as OffTopicInput);
    expect(on.evidence.threadTerms).toEqual(['chlorine']);
  });

  describe('words shared by the thread\'s comments unrelated to the article count against a comment', () => {
    // A bike-lane thread that a pension side-discussion has taken over in part.
    const thread = [
      'Protected bike lanes on Main Street are overdue; cyclists have waited years.',
      'Forty parking spaces is a lot for the shop owners on Main Street.',
      'Bike lanes bring customers too: cyclists stop and shop, drivers drive past.',
      'The council should have asked the shop owners before removing the parking.',
      'Two million for bike lanes is cheap compared to a new road.',
      'The pension payouts for retired managers doubled and nobody was told.',
      'Ask the auditor about those pension payouts, not about paint.',
      'Pension payouts went up while libraries closed early. Where is the auditor?',
      'The auditor general should publish every pension payout since 2019.',
      'I moved here last year and love the farmers market.',
    ].map((body) => ({ title: null, body }));
    const withThread = (text: string, t = thread) => rule({ ...input(text), thread: t } as OffTopicInput);

    it.each([
      // The side-discussion's vocabulary: pushed towards off-topic, with the words as evidence.
      ['Those pension payouts are a disgrace and the auditor knows it.', true, ['pension', 'payouts', 'auditor']],
      ['Somebody should audit the pension fund before the next payouts.', true, ['pension', 'payouts']],
      // On topic: untouched.
      ['Protected bike lanes on Main Street will make my commute safer.', false, null],
      ['The shop owners are right: losing forty parking spaces hurts business.', false, null],
      // On topic, with a word of the side-discussion: the article evidence wins.
      ['Forget the pension story: bike lanes and parking on Main Street are what this council vote is about.', false, ['pension']],
      // Unrelated but not the side-discussion's vocabulary: no off-thread evidence.
      ['My favourite recipe for banana bread uses walnuts and brown sugar.', true, null],
    ])('%j → off-topic %s, off-thread terms %j', (text, expected, terms) => {
      const v = withThread(text);
      expect(fires(v)).toBe(expected);
      if (terms) {
        expect(v.evidence.offThreadTerms).toEqual(expect.arrayContaining(terms));
        expect(v.evidence.summary).toContain('uses words of a side discussion in the thread:');
        expect(v.score).toBeGreaterThan(rule({ ...input(text), thread: thread.slice(0, 5).concat(thread.slice(9)) } as OffTopicInput).score);
      } else {
        expect(v.evidence.offThreadTerms).toBeUndefined();
        expect(v.evidence.summary).not.toContain('side discussion');
      }
    });

    it('needs a subject several unrelated comments return to: two that share a word are not enough', () => {
      const two = thread.slice(0, 5).concat(thread.slice(5, 7), thread.slice(9));
      expect(withThread('Those pension payouts are a disgrace.', two).evidence.offThreadTerms).toBeUndefined();
    });

    it('finds nothing when the unrelated comments have nothing in common', () => {
      const scattered = thread.slice(0, 5).concat(
        ['The pension payouts doubled.', 'Lovely weather for sailing.', 'Who won the hockey game?'].map((body) => ({ title: null, body })),
      );
      expect(withThread('Those pension payouts are a disgrace.', scattered).evidence.offThreadTerms).toBeUndefined();
    });

    it('breaks the tie among comments with no evidence by the thread comments whose words they share', () => {
      // Neither shares a word with the article, two seeds or three unrelated comments: without the thread they tie.
      // "drivers" is a word of one on-topic comment, "libraries" of one unrelated (pension) comment.
      const [drivers, libraries] = ['Think of the drivers.', 'Think of the libraries.'].map((t) => withThread(t));
      expect(rule(input('Think of the drivers.')).score).toBe(rule(input('Think of the libraries.')).score);
      expect(drivers.evidence.threadLean).toBeLessThan(0);
      expect(libraries.evidence.threadLean).toBeGreaterThan(0);
      expect(libraries.score).toBeGreaterThan(drivers.score);
      // A tiebreak only: it moves the score by less than the weakest shared word does.
      expect(Math.abs(libraries.score - drivers.score)).toBeLessThan(0.03);
      expect(withThread('Protected bike lanes are overdue.').evidence.threadLean).toBeUndefined();
    });

    it('keeps its state in the compiled rule: another rule judging other threads in between changes no verdict', () => {
      const texts = ['Those pension payouts are a disgrace.', 'Think of the libraries.', 'Protected bike lanes are overdue.'];
      const fresh = texts.map((t) => offTopicRule.compile(offTopicConfigSchema.parse({}))({ ...input(t), thread } as OffTopicInput));
      const mine = offTopicRule.compile(offTopicConfigSchema.parse({}));
      const other = offTopicRule.compile(offTopicConfigSchema.parse({}));
      const interleaved = texts.map((t, i) => {
        other({ ...input(t), thread: thread.slice(i, i + 6) } as OffTopicInput);
        return mine({ ...input(t), thread } as OffTopicInput);
      });
      expect(interleaved).toEqual(fresh);
    });

    it('never counts a comment as its own evidence', () => {
      // The judged comment is one of the pension comments: the other two that name the auditor are not enough.
      const v = withThread(thread[6].body);
      expect(v.evidence.offThreadTerms).toEqual(expect.arrayContaining(['pension', 'payouts']));
      expect(v.evidence.offThreadTerms).not.toContain('auditor');
    });
  });

  it('scores in [0, 1] with the configured threshold', () => {
    for (const t of ['', '?', 'bike', 'a b c d e f g', 'x'.repeat(5000)]) {
      const v = rule(input(t));
      expect(v.score).toBeGreaterThanOrEqual(0);
      expect(v.score).toBeLessThanOrEqual(1);
      expect(v.threshold).toBe(OFF_TOPIC_DEFAULTS.threshold);
    }
  });

  it.each([
    [{ threshold: 0 }, 'threshold'],
    [{ shortReplyTerms: -1 }, 'shortReplyTerms'],
  ])('rejects %j at %s', (config, path) => {
    const r = offTopicConfigSchema.safeParse(config);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
