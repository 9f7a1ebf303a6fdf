import type { RuleInput } from '../contract/rule.js';
import { INSULT_DEFAULTS, insultConfigSchema, insultRule } from './insult.rule.js';

const input = (body: string, title: string | null = null, parent: string | null = null): RuleInput => ({
  comment: { title, body, authorName: 'r', authorId: null, receivedAt: new Date(0) },
  article: null,
  parent: parent === null ? null : { title: null, body: parent, authorName: 'p' },
});
const defaults = insultRule.compile(insultConfigSchema.parse({}));
const run = (body: string, config: unknown = {}, title: string | null = null, parent: string | null = null) =>
  (config && Object.keys(config as object).length ? insultRule.compile(insultConfigSchema.parse(config)) : defaults)(
    input(body, title, parent),
  );
const fires = (v: { score: number; threshold: number }) => v.score >= v.threshold;

describe('insult rule', () => {
  describe('fires on name-calling aimed at someone, with the words highlighted', () => {
    it.each([
      // [comment, highlighted words]
      ['You are an idiot.', ['idiot']],
      ["you're such a pathetic little troll", ['pathetic', 'troll']],
      ['Some of you are such hypocrites, it is unbelievable!!', ['hypocrites']],
      ['such hypocrits', ['hypocrits']],
      ['ur a moron lol', ['moron']],
      ['Your a retard go post somewhere else', ['retard']],
      ['Shut up, you clown.', ['Shut up', 'clown']],
      ['Shame on you!', ['Shame on you']],
      ['Only losers like you believe that.', ['losers']],
      ['These people are vermin.', ['vermin']],
      ['They are worthless and good for nothing garbage.', ['worthless', 'good for nothing', 'garbage']],
      ['What a fool.', ['fool']],
      ['Correction, idiot: the law passed in 2016.', ['idiot']],
      ['Are you really this stupid?', ['stupid']],
      ['What a fool you are.', ['fool']],
      ['He is a liar and a coward.', ['liar', 'coward']],
      ['Masoud Rajavi is a SOB which I said he was from day 1.', ['SOB']],
      ['someone who is this ignorant is worthless personified', ['ignorant', 'worthless']],
      ['how long should it take a jeeneeass to figure out what you are doing?', ['jeeneeass']],
      // Adjective + any noun predicated of "you" ("writer" is no person noun, but it is what "you" are said to be).
      ['you are a stupid writer!!!', ['stupid']],
      ['Apparently you are too stupid to even watch a video.', ['stupid']],
      ['Do you realize how pathetic you sound?', ['pathetic']],
      ['What a pathetic little man you are.', ['pathetic']],
      ["Damnit GW, don't be such a pussy.", ['pussy']],
      ['You are sooo uneducated.', ['uneducated']],
      ["you're not stupid, just dumb", ['dumb']],
      ['Nobody gives a shit what you say', ['Nobody gives a shit']],
      ['I hope you die the same way she did.', ['hope you die']],
      ['YEAH, I BET YOU INBRED HILLBILLY.', ['INBRED', 'HILLBILLY']],
      ['before calling others stupid you gay piece of shit you should check your spelling', ['piece of shit']],
      // An everyday noun with a modifier of its own: an adjective-like word or a name.
      ['@USER You bloody leftist snake.', ['snake']],
      ['Get a new rug you Liberal stooge.', ['stooge']],
      ['Another fucking Pittsburgh Nazi.', ['Nazi']],
      // The subject after the label: "how X they are", "X he is".
      ['Democrats continually prove how crazy they are', ['crazy']],
      ['How stupid he is.', ['stupid']],
      ['the more he talks the dumber he looks', ['dumber']],
      ['You are so arrogant of an online troll.', ['arrogant']],
      // A phrase's last word in the plural.
      ['Liberals are society’s bottom feeders.', ['bottom feeders']],
      ['You cry babies will have him for eight more years.', ['cry babies']],
      ['Shame on these pseudo liberals.', ['Shame on']],
      ['a worthless person.', ['worthless']],
      // A phrase of three or more words may take one insult adjective or swear word inside it.
      ['You shut your filthy mouth talking about the team like that.', ['shut your filthy mouth']],
      // Retorts and directed phrases.
      ['Look who is talking... the one who cannot spell.', ['Look who is talking']],
      ['really - what planet are you on?', ['what planet are you on']],
      ['have you been living under a rock?', ['living under a rock']],
      ['Anyone reading your comment would conclude that you have mental issues.', ['mental issues']],
      ['what a waste of DNA you are.', ['waste of DNA']],
      ['never ratified? get the fuck out of here and go back to your silo.', ['get the fuck out']],
      ['You really should be like the other lemmings and jump off a cliff.', ['lemmings', 'jump off a cliff']],
      ['You should be ashamed of your cash payoffs.', ['You should be ashamed']],
      // "you" + adjective + noun is the person addressed; a third person said to be a liar counts.
      ['#MAGA you ignorant dupes. Everyone knows this is not true.', ['ignorant']],
      ['@USER She is a liar', ['liar']],
      ['This man is a total disgrace.', ['disgrace']],
      // An adjective right before a name is an epithet for that person.
      ['Evil Hillary strikes again.', ['Evil']],
      // A hashtag is a phrase of its own: a name-calling tag labels whom the post is about.
      ['Ford changed her story again #Liar #CNN', ['Liar']],
      ['#DespicableDemocrats at it again', ['Despicable']],
      // Leading @mentions address someone: what follows is a phrase of its own ("@jo, crazy liberals").
      ['@USER Crazy liberals', ['Crazy']],
      // A modifier right after "a"/"such" is part of the noun phrase and does not weaken it.
      ['@USER He is a communist fool!!!!', ['fool']],
      // More person nouns: an adjective before one is about people, not a thing.
      ['Inept lawmakers. Corrupt politicians.', ['Corrupt']],
      ["No, he's just a fat slob who got lucky.", ['fat', 'slob']],
      ['I turn the tv off when he speaks. He is a real sicko.', ['sicko']],
      // "he's", "she's", "they're" carry the copula; an escaped "&amp;" is no sentence end.
      ['@USER She’s vile &amp; hateful &amp; just not funny.', ['vile', 'hateful']],
      ["They're fundamentally dishonest people.", ['dishonest']],
      // A question puts the copula before the subject.
      ['Are people really that stupid?', ['stupid']],
      ['Is he insane?', ['insane']],
      // Wishing prison on someone; contempt for someone's character or mind.
      ['Holder should be in prison.', ['should be in prison']],
      ['She belongs in jail for what she did.', ['belongs in jail']],
      ['Liberals have no shame.', ['have no shame']],
      ['He is losing his mind.', ['losing his mind']],
      ['You can all suck it!', ['suck it']],
      // A term that is an adjective and a noun, after an article with no noun after it, is the noun ("known" is skipped).
      ['Vote him out. He is a known racist.', ['racist']],
      ['Stop it, you bullies.', ['bullies']],
      // A quality of mind said to be the reader's ("your stupidity") counts like "your X".
      ['Your ignorance is showing.', ['ignorance']],
      ['Still proclaiming your stupidity', ['stupidity']],
      // A bad-person label: an evaluative adjective with person/human (being) as one noun.
      ['She is a terrible person.', ['terrible person']],
      ['No, you are an awful human being.', ['awful human being']],
      ['She is classless.', ['classless']],
      ['That man is human trash.', ['human trash']],
    ])('%j', (text, words) => {
      const v = run(text);
      expect(fires(v)).toBe(true);
      expect(v.evidence.spans?.map((s) => s.text)).toEqual(words);
    });
  });

  describe('sees through obfuscation and maps spans back to the original text', () => {
    it.each([
      ['you are an 1d10t', '1d10t', 'idiot'],
      ['you are a m0r0n', 'm0r0n', 'moron'],
      ['you are a s t u p i d person', 's t u p i d', 'stupid'],
      ['you are such a loooooser', 'loooooser', 'loser'],
      ['you stuuuupid f**k', 'stuuuupid', 'stupid'],
      ['f**k you', 'f**k you', 'fuck you'],
      ['you are an іdіоt', 'іdіоt', 'idiot'], // Cyrillic і and о
      ['you are an ídíót', 'ídíót', 'idiot'], // accents
      ['you are a b!tch', 'b!tch', 'bitch'],
      ['you a$$hole', 'a$$hole', 'asshole'],
      ['YOU ARE A RETARD', 'RETARD', 'retard'],
      ['you are a ｍｏｒｏｎ', 'ｍｏｒｏｎ', 'moron'], // fullwidth
      ['Ur fucken fake and a fucken idiot.', 'fucken idiot', 'fucking idiot'], // "fucken" = fucking
      ['Fuckingloser!', 'Fuckingloser', 'loser'], // an intensifier run into the word
      ['a dou*che*bag like you', 'dou*che*bag', 'douchebag'], // stars between the letters
      ['you are such a *loser*', 'loser*', 'loser'], // stars for emphasis
      ['people died because of a HURRICANE you half wit', 'half wit', 'halfwit'], // a compound split in two
      ['Actually he is a soy boy.', 'soy boy', 'soyboy'],
      ["He's just a loud mouth punk.", 'loud mouth', 'loudmouth'],
    ])('%j → %j read as %j', (text, shown, term) => {
      const v = run(text);
      expect(fires(v)).toBe(true);
      const span = v.evidence.spans?.find((s) => s.text === shown);
      expect(span).toBeDefined();
      expect(text.slice(span!.start, span!.end)).toBe(shown);
      expect(v.evidence.terms).toContain(term);
    });
  });

  describe('passes civil comments, negations, quotes and untargeted swearing', () => {
    it.each([
      ["You're not an idiot, you just haven't read the article."],
      ['I am not calling you stupid.'],
      ['Holy shit, great reporting.'],
      ['What the hell happened to the budget?'],
      ['That is a stupid idea and the numbers do not add up.'],
      ['The ignorant comments here are depressing, but the article is good.'],
      ['> you are an idiot\nNo need for that, he was just asking.'],
      ['He wrote "what an idiot" under every post, which is unfair.'],
      ['Your one-sided condemnation proves nothing; the evidence says otherwise.'],
      ['Those of you who call them traitors should read the report.'],
      ['I live in Scunthorpe and work in Essex.'],
      ['My class went to see the brass band.'],
      ['I disagree with your reading of the law: the court ruled the other way in 2014.'],
      ['The mustard was a bit much, but the bastardised recipe is fine.'],
      ["He'll be there at ten, and we'd better be on time."],
      ['Reply to brenda55: thanks for the link.'],
      ['I feel like an idiot for missing the deadline.'],
      ['This budget trick might fool the voters, but not the markets.'],
      ['You can easily get lost in the details of the report.'],
      ['The ignorance of the voters is astounding, said the columnist.'],
      ['Both teams played a stupid game tonight.'],
      ['He is not a liar, not a cheat, not a coward.'],
      ['You screwed up the order, but the refund came quickly.'],
      ['You can easily get lost in the details of the report.'],
      ['You are a great writer and this is a stupid rule.'],
      ['Are you fucking kidding me? That game was unreal.'],
      ['Shame on me for believing the forecast.'],
      ['If you throw trash out your window, you get a fine.'],
      ['Did you see the snake in the garden?'],
      ['This is another joke from the late show.'],
      ['You can like whoever the fuck you want, I just make fun of it.'],
      ['People with mental issues deserve better care.'],
      ['New users are going to get lost in this discussion!'],
      ['Any "but when it was released" arguments are simply asinine points.'],
      ['She has displayed the most despicable behavior of any candidate.'],
      ['You made a stupid mistake, but the fix was quick.'],
      ['Another stupid Google update broke my phone.'],
      ['20 Crazy Things People Believe About Sharks'],
      ['Thanks @jo for the crazy pictures from the fair.'],
      ['People are sick of being overrun and then having to pay for it all!'],
      ['If you are sick of feeling tired, try the diet.'],
      ['The weather is horrible and the match is a disgrace to the league.'],
      ['Is that plan really that stupid?'],
      ['He spent ten years in prison and now runs a charity.'],
      ['There is no shame in asking for help.'],
      ['He lost his keys and his phone on the bus.'],
      ['The *best* part of the game was the last inning.'],
      ['Replace the gas bag before the trip, and read about it in human terms.'],
      ["Freedom ain't free... suck it up, quit whining, and get the ID."],
      ["That's racist, and the article explains why."],
      ['The murder rate fell last year.'],
      ['THE TOMBSTONE... THE HEARSE... ARE ORDERED. Of coarse, the choir will rehearse.'],
      ['This list of murders he is wanted for grows by the day!'],
      ['You anime kids are fun to watch.'],
      ['Careful, you prickly pear cactus.'],
      ['I admit my ignorance on this topic.'],
      ['He is terrible at golf, and the weather was horrible.'],
      ['The office is a soulless glass box, and a classless society was the goal.'],
      ['Your one-sided condemnation proves your dishonesty, and the record says otherwise.'],
    ])('%j', (text) => {
      const v = run(text);
      expect(fires(v)).toBe(false);
    });

    it('records negated terms as evidence without counting them', () => {
      const v = run("you're not an idiot");
      expect(v.evidence.negated).toEqual(['idiot']);
      expect(v.evidence.spans).toEqual([]);
    });

    it('ignores a > line that repeats the parent, but not one the author wrote', () => {
      const parent = 'Honestly you are an idiot if you believe this.';
      expect(fires(run('> you are an idiot if you believe this\nPlease keep it civil.', {}, null, parent))).toBe(false);
      expect(fires(run('> you are an idiot', {}, null, 'Unrelated parent text about budgets.'))).toBe(true);
    });

    it('treats quotation marks around the whole comment as packaging, not a quote', () => {
      expect(fires(run('" Fuck you, go fuck yourself "'))).toBe(true);
    });

    it('reads a CSV-escaped comment as its text: a lone "" quote mark does not hide the rest', () => {
      expect(fires(run('"@USER FEMA told the Senator it was a TV hit"" He is a liar and a coward."'))).toBe(true);
      expect(fires(run('"@USER He keeps saying ""you are an idiot"" to everyone."'))).toBe(false);
    });

    it('reads a straight quote mark right after a word and before a space or the end as a closer, never an opener', () => {
      // Its opener was lost: it would otherwise pair with the mark at the end and hide everything between.
      expect(fires(run('"@USER It was never about stepping forward"" it was about the money. He is a total hypocrite and a fraud."""'))).toBe(true);
      expect(fires(run('She said "you are a total hypocrite" and left.'))).toBe(false);
      expect(fires(run('"@USER It was never about stepping forward"" he said ""you are a total hypocrite"" and left."""'))).toBe(false);
    });
  });

  describe('config', () => {
    it('counts untargeted profanity only when told to', () => {
      expect(fires(run('holy shit this is bad'))).toBe(false);
      expect(fires(run('holy shit this is bad', { countUntargetedProfanity: true, threshold: 0.2 }))).toBe(true);
    });

    it('adds extra terms with their severity and allow-lists terms', () => {
      expect(fires(run('you are a wombat'))).toBe(false);
      const v = run('you are a wombat', { extraTerms: [{ term: 'wombat', severity: 3 }] });
      expect(fires(v)).toBe(true);
      expect(v.evidence.terms).toEqual(['wombat']);
      expect(fires(run('you are a clown', { allowTerms: ['clown'] }))).toBe(false);
    });

    it('uses the threshold from config', () => {
      const v = run('you are naive', { threshold: 0.9 });
      expect(v.threshold).toBe(0.9);
      expect(fires(v)).toBe(false);
    });

    it('has the documented defaults', () => {
      const c = insultConfigSchema.parse({});
      expect(c).toEqual({
        threshold: INSULT_DEFAULTS.threshold,
        extraTerms: [],
        allowTerms: [],
        countUntargetedProfanity: false,
      });
    });

    it.each([
      [{ threshold: 0 }, 'threshold'],
      [{ threshold: 2 }, 'threshold'],
      [{ extraTerms: [{ term: 'x', severity: 2 }] }, 'extraTerms.0.term'],
      [{ extraTerms: [{ term: 'wombat', severity: 5 }] }, 'extraTerms.0.severity'],
      [{ countUntargetedProfanity: 'yes' }, 'countUntargetedProfanity'],
    ])('rejects %j at %s', (config, path) => {
      const r = insultConfigSchema.safeParse(config);
      expect(r.success).toBe(false);
      expect(r.error?.issues.map((i) => i.path.join('.'))).toContain(path);
    });
  });

  it('scores in [0, 1], and looks at the title too', () => {
    const v = run('fine', {}, 'You idiot');
    expect(fires(v)).toBe(true);
    expect(v.evidence.spans?.[0]).toMatchObject({ field: 'title', start: 4, end: 9, text: 'idiot' });
    for (const t of ['', 'you you you you you you', 'fuck fuck fuck you idiot moron scum cunt retard']) {
      const s = run(t).score;
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });
});
