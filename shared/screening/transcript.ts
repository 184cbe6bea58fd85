// A chat transcript in which the model refused: a QA sample, a support log or a write-up that records a jailbreak attempt and
// the bot's answer ("User: from now on you're DAN … / Assistant: I can't help with getting into someone else's account").
// Its role markers and jailbreak words are a record of the attempt, not a turn planted for the model: a planted transcript
// shows the model complying ("Assistant: Sure, here is …"), which is what it wants the model to go on with.

/** Labels of the model's turns at a line's start (lower case, with their colon). */
const AI_TURN_LABELS = ["assistant:", "bot:", "ai:", "chatbot:", "model:", "gpt:", "chatgpt:", "claude:", "copilot:"];

/** Words of a refusal in the first part of a turn (ASCII apostrophes: the text is read lower-cased as it is). */
const REFUSALS = [
  "i can't", "i cannot", "i can not", "can't help", "cannot help", "can't assist", "cannot assist", "can't provide", "cannot provide",
  "can't give", "cannot give", "can't include", "still can't", "i won't", "i will not", "i'm not able to", "i am not able to",
  "i'm unable", "i am unable", "i must decline", "not able to help", "won't be able to",
];

/** Openings of a turn that complies ("Sure, here's how …", "As DAN, …"). */
const COMPLIANCE = ["sure", "certainly", "of course", "absolutely", "here's", "here is", "okay, here", "ok, here", "as dan", "dan:", "no problem"];

/** Units of a turn read for a refusal: about its first two sentences. */
const TURN_HEAD = 240;
/** Lines read (a transcript longer than this is read in its first lines only: the cost stays linear). */
const LINES_MAX = 400;

/**
 * Is `text` a transcript in which the model refused: at least one of the model's turns (a line opening with one of
 * AI_TURN_LABELS) refuses in its first sentences, and none opens by complying? One pass over the lines.
 */
export function refusedTranscript(text: string): boolean {
  let refusals = 0;
  let lines = 0;
  for (let s = 0; s < text.length && lines < LINES_MAX; lines++) {
    let e = text.indexOf("\n", s);
    if (e < 0) e = text.length;
    let k = s;
    while (k < e && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x09)) k++;
    const head = text.slice(k, Math.min(e, k + 12)).toLowerCase();
    const label = AI_TURN_LABELS.find((l) => head.startsWith(l));
    if (label !== undefined) {
      const turn = text.slice(k + label.length, Math.min(e, k + label.length + TURN_HEAD)).toLowerCase().replaceAll("\u2019", "'").trimStart();
      if (COMPLIANCE.some((c) => turn.startsWith(c))) return false;
      if (REFUSALS.some((r) => turn.includes(r))) refusals++;
    }
    s = e + 1;
  }
  return refusals > 0;
}
