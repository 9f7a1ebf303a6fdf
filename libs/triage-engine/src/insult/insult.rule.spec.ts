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
      ['Marcus, you are an idiot.', ['idiot']],
      ["you're such a pathetic little clown", ['pathetic', 'clown']],
      ['Half of you are such hypocrites, honestly.', ['hypocrites']],
      ['such parasits', ['parasits']],
      ['ur a moron tbh', ['moron']],
      ['Your a retard and the whole forum knows it', ['retard']],
      ['Shut up, you muppet.', ['Shut up', 'muppet']],
      ['Shame on you, council!', ['Shame on you']],
      ['Only losers like you would park there.', ['losers']],
      ['These people are vermin, frankly.', ['vermin']],
      ['They are useless and good for nothing rubbish.', ['useless', 'good for nothing', 'rubbish']],
      ['Wow. What a fool.', ['fool']],
      ['Fact check, idiot: the bridge opened in 1998.', ['idiot']],
      ['Are you honestly this stupid?', ['stupid']],
      ['What a twit you are.', ['twit']],
      ['He was a liar and a coward, start to finish.', ['liar', 'coward']],
      ['Councillor Brantley is a SOB and the whole ward knows it.', ['SOB']],
      ['a person who is this clueless is worthless personified', ['clueless', 'worthless']],
      ['how long does it take a clownass to see what you are up to?', ['clownass']],
      // Adjective + any noun predicated of "you" ("driver" is no person noun, but it is what "you" are said to be).
      ['you are a stupid driver!!!', ['stupid']],
      ['It seems you are too stupid to boil an egg.', ['stupid']],
      ['Do you hear how pathetic you sound?', ['pathetic']],
      ['What a pathetic little boy you are.', ['pathetic']],
      ['Come on Dave, stop being such a pussy.', ['pussy']],
      ['You are sooo uninformed.', ['uninformed']],
      ["you're not stupid, merely dumb", ['dumb']],
      ['Nobody gives a shit about your parking tips', ['Nobody gives a shit']],
      ['I hope you die of boredom at the recital.', ['hope you die']],
      ['SURE, KEEP TALKING YOU INBRED HILLBILLY.', ['INBRED', 'HILLBILLY']],
      ['instead of calling others stupid you tiny piece of shit should learn to count', ['piece of shit']],
      // An everyday noun with a modifier of its own: an adjective-like word or a name.
      ['@maria You bloody populist snake.', ['snake']],
      ['Buy a new hat you Tory stooge.', ['stooge']],
      ['Another fucking Toronto fascist.', ['fascist']],
      // The subject after the label: "how X they are", "X he is".
      ['The board keeps proving how crazy they are', ['crazy']],
      ['Honestly, how stupid he is.', ['stupid']],
      ['the longer he argues the dumber he looks', ['dumber']],
      ['You are awfully arrogant of a forum troll.', ['arrogant']],
      // A phrase's last word in the plural.
      ['Spammers are the internet’s bottom feeders.', ['bottom feeders']],
      ['You cry babies will get over it by Friday.', ['cry babies']],
      ['Shame on these armchair generals.', ['Shame on']],
      ['Truly a worthless person.', ['worthless']],
      // A phrase of three or more words may take one insult adjective or swear word inside it.
      ['You shut your filthy mouth when the coach is speaking.', ['shut your filthy mouth']],
      // Retorts and directed phrases.
      ['Look who is talking, the man who never pays his tab.', ['Look who is talking']],
      ['seriously - what planet are you on today?', ['what planet are you on']],
      ['were you living under a rock all year?', ['living under a rock']],
      ['Anyone who reads this thread will think you have mental issues.', ['mental issues']],
      ['honestly, what a waste of DNA you are.', ['waste of DNA']],
      ['never heard of it? get the fuck out, then.', ['get the fuck out']],
      ['You ought to act like the other lemmings, then jump off a cliff.', ['lemmings', 'jump off a cliff']],
      ['You should be ashamed of that parking job.', ['You should be ashamed']],
      // "you" + adjective + noun is the person addressed; a third person said to be a liar counts.
      ['#Recall you ignorant tourists. Read the table first.', ['ignorant']],
      ['@samk She is a liar, as usual.', ['liar']],
      ['This guy is a complete disgrace.', ['disgrace']],
      // An adjective right before a name is an epithet for that person.
      ['Wicked Baxter strikes again.', ['Wicked']],
      // A hashtag is a phrase of its own: a name-calling tag labels whom the post is about.
      ['Baxter moved the goalposts again #Liar #BBC', ['Liar']],
      ['#DespicableSenators at it again', ['Despicable']],
      // Leading @mentions address someone: what follows is a phrase of its own ("@jo, crazy liberals").
      ['@patr Crazy progressives', ['Crazy']],
      // A modifier right after "a"/"such" is part of the noun phrase and does not weaken it.
      ['@kim He is a socialist fool!!', ['fool']],
      // More person nouns: an adjective before one is about people, not a thing.
      ['Inept planners. Corrupt officials.', ['Corrupt']],
      ["Nah, he's merely a fat slob with a good agent.", ['fat', 'slob']],
      ['I mute the radio when he calls in. That man is a real sicko.', ['sicko']],
      // "he's", "she's", "they're" carry the copula; an escaped "&amp;" is no sentence end.
      ['@lee She’s vile &amp; hateful &amp; never on time.', ['vile', 'hateful']],
      ["They're deeply dishonest people.", ['dishonest']],
      // A question puts the copula before the subject.
      ['Are people truly that stupid?', ['stupid']],
      ['Is he insane or just bored?', ['insane']],
      // Wishing prison on someone; contempt for someone's character or mind.
      ['The treasurer should be in prison.', ['should be in prison']],
      ['She belongs in jail for that stunt.', ['belongs in jail']],
      ['Landlords have no shame.', ['have no shame']],
      ['The coach is losing his mind.', ['losing his mind']],
      ['You lot can suck it!', ['suck it']],
      // A term that is an adjective and a noun, after an article with no noun after it, is the noun ("known" is skipped).
      ['Check the record. That man is a known racist.', ['racist']],
      ['Leave her alone, you bullies.', ['bullies']],
      // A quality of mind said to be the reader's ("your stupidity") counts like "your X".
      ['Your ignorance is on full display.', ['ignorance']],
      ['Still advertising your stupidity', ['stupidity']],
      // A bad-person label: an evaluative adjective with person/human (being) as one noun.
      ['Honestly she is a terrible person to work for.', ['terrible person']],
      ['Face it, you are an awful human being.', ['awful human being']],
      ['She is classless and proud of it.', ['classless']],
      ['That guy is human trash.', ['human trash']],
    ])('%j', (text, words) => {
      const v = run(text);
      expect(fires(v)).toBe(true);
      expect(v.evidence.spans?.map((s) => s.text)).toEqual(words);
    });
  });

  describe('sees through obfuscation and maps spans back to the original text', () => {
    it.each([
      ['honestly you are an 1d10t', '1d10t', 'idiot'],
      ['mate, you are a m0r0n', 'm0r0n', 'moron'],
      ['face it, you are a s t u p i d person', 's t u p i d', 'stupid'],
      ['you are such a looooser, Kev', 'looooser', 'loser'],
      ['go home you stuuuupid f**k', 'stuuuupid', 'stupid'],
      ['f**k you and your van', 'f**k you', 'fuck you'],
      ['sorry but you are an іdіоt', 'іdіоt', 'idiot'], // Cyrillic і and о
      ['admit it, you are an ídíót', 'ídíót', 'idiot'], // accents
      ['wow, you are a b!tch', 'b!tch', 'bitch'],
      ['Move it, you a$$hole', 'a$$hole', 'asshole'],
      ['STOP SHOUTING, YOU ARE A RETARD', 'RETARD', 'retard'],
      ['in short you are a ｍｏｒｏｎ', 'ｍｏｒｏｎ', 'moron'], // fullwidth
      ['Ur fucken fraud and a fucken idiot, Dale.', 'fucken idiot', 'fucking idiot'], // "fucken" = fucking
      ['Fuckingloser, go home!', 'Fuckingloser', 'loser'], // an intensifier run into the word
      ['any dou*che*bag like you parks there', 'dou*che*bag', 'douchebag'], // stars between the letters
      ['you are such a *loser* sometimes', 'loser*', 'loser'], // stars for emphasis
      ['the bridge shut because of a FLOOD you half wit', 'half wit', 'halfwit'], // a compound split in two
      ['Turns out the guy is a soy boy.', 'soy boy', 'soyboy'],
      ["He's merely a loud mouth punk with a podcast.", 'loud mouth', 'loudmouth'],
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
      ["You're not an idiot, you just skipped the second page."],
      ['To be clear, I am not calling you stupid.'],
      ['Holy shit, lovely photos of the harbour.'],
      ['What the hell happened to the bus timetable?'],
      ['That is a stupid idea and the costs are way off.'],
      ['The ignorant comments below are tiring, but the recipe works.'],
      ['> you are an idiot\nPlease, he only asked about the ferry times.'],
      ['She typed "what an idiot" under each photo, which was unkind.'],
      ['Your one-sided condemnation settles nothing; the audit disagrees.'],
      ['Anyone here who calls them traitors should check the minutes.'],
      ['I grew up near Scunthorpe and now work in Middlesex.'],
      ['Our class took the train to hear a brass quintet.'],
      ['I disagree with your reading of the bylaw: the tribunal ruled the other way in 2009.'],
      ['Too much mustard, but the bastardised chowder still works.'],
      ["He'll bring the ladder, and we'd rather not be late."],
      ['Reply to gary77: thanks for the map.'],
      ['I feel like an idiot for forgetting my keys.'],
      ['That pricing trick might fool the shoppers, but not the auditors.'],
      ['You can easily get lost in the footnotes of this manual.'],
      ['The ignorance of the buyers is surprising, the agent said.'],
      ['Both sides played a stupid game on Sunday.'],
      ['She is not a liar, not a snob, not a coward.'],
      ['You screwed up the booking, but the hotel fixed it.'],
      ['You are a great cook and this is a stupid rule.'],
      ['Are you fucking joking? That final was unreal.'],
      ['Shame on me for trusting the timetable.'],
      ['If you toss trash from your car, you pay a fine.'],
      ['Did you spot the snake by the shed?'],
      ['This is another joke from the panel show.'],
      ['Hire whoever the fuck you like, I was only teasing.'],
      ['Folks with mental issues need better clinics.'],
      ['Newcomers will get lost in this long thread!'],
      ['Any "but it was cheaper back then" claims are simply asinine arguments.'],
      ['He showed the most despicable behavior of any landlord.'],
      ['You made a stupid typo, but the editor caught it.'],
      ['Another stupid Samsung update wiped my contacts.'],
      ['15 Crazy Things Tourists Believe About Venice'],
      ['Thanks @mo for the crazy photos from the parade.'],
      ['People are sick of being stuck in traffic every morning!'],
      ['If you are sick of waking up tired, try a walk.'],
      ['The pitch is horrible and the result is a disgrace to the club.'],
      ['Is that policy really that stupid?'],
      ['She spent six years in prison and now teaches pottery.'],
      ['There is no shame in asking twice.'],
      ['She lost her wallet and her umbrella on the tram.'],
      ['The *best* part of the trip was the ferry.'],
      ['Check the gas bag before the flight, and explain it in human terms.'],
      ['Rain again... suck it up, pack a coat, and go.'],
      ["That's racist, and the footnote says why."],
      ['The murder rate dropped in the county.'],
      ['THE FLOWERS... THE HEARSE... ARE BOOKED. Of coarse, the band will rehearse.'],
      ['The tally of murders in this novel grows by the week!'],
      ['You anime kids are fun to chat with.'],
      ['Careful, you prickly old cactus.'],
      ['I admit my ignorance about sailing.'],
      ['She is terrible at chess, and the coffee was horrible.'],
      ['The mall is a soulless concrete box, and a classless society was the dream.'],
      ['Your one-sided review shows your dishonesty, and the receipts say otherwise.'],
    ])('%j', (text) => {
      const v = run(text);
      expect(fires(v)).toBe(false);
    });

    it('records negated terms as evidence without counting them', () => {
      const v = run("you're not an idiot at all");
      expect(v.evidence.negated).toEqual(['idiot']);
      expect(v.evidence.spans).toEqual([]);
    });

    it('ignores a > line that repeats the parent, but not one the author wrote', () => {
      const parent = 'Frankly you are an idiot to trust that map.';
      expect(fires(run('> you are an idiot to trust that map\nLet us keep it friendly.', {}, null, parent))).toBe(false);
      expect(fires(run('> you are an idiot, Tom', {}, null, 'A note about ferry fares.'))).toBe(true);
    });

    it('treats quotation marks around the whole comment as packaging, not a quote', () => {
      expect(fires(run('" Fuck you, go fuck yourself, Kevin "'))).toBe(true);
    });

    it('reads a CSV-escaped comment as its text: a lone "" quote mark does not hide the rest', () => {
      expect(fires(run('"@robt The mayor said the bridge was safe"" She was a bigot and a liar."'))).toBe(true);
      expect(fires(run('"@robt She keeps typing ""you are an idiot"" under every post."'))).toBe(false);
    });

    it('reads a straight quote mark right after a word and before a space or the end as a closer, never an opener', () => {
      // Its opener was lost: it would otherwise pair with the mark at the end and hide everything between.
      expect(fires(run('"@robt It was never about the parking"" it was about the fees. She was a total hypocrite and a phony."""'))).toBe(true);
      expect(fires(run('He muttered "you are a total hypocrite" and walked off.'))).toBe(false);
      expect(fires(run('"@robt It was never about the parking"" he said ""you are a total hypocrite"" and walked off."""'))).toBe(false);
    });
  });

  describe('config', () => {
    it('counts untargeted profanity only when told to', () => {
      expect(fires(run('holy shit this queue is long'))).toBe(false);
      expect(fires(run('holy shit this queue is long', { countUntargetedProfanity: true, threshold: 0.2 }))).toBe(true);
    });

    it('adds extra terms with their severity and allow-lists terms', () => {
      expect(fires(run('you are a wombat, Trev'))).toBe(false);
      const v = run('you are a wombat, Trev', { extraTerms: [{ term: 'wombat', severity: 3 }] });
      expect(fires(v)).toBe(true);
      expect(v.evidence.terms).toEqual(['wombat']);
      expect(fires(run('you are a clown, Trev', { allowTerms: ['clown'] }))).toBe(false);
    });

    it('uses the threshold from config', () => {
      const v = run('you are naive, Trev', { threshold: 0.9 });
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
