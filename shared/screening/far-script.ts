// Overrides, prompt extraction and notes to the model in Russian, Chinese and Japanese. The word lexicon
// is ASCII (the normalizer folds the Latin-script languages onto it); these scripts are matched as
// stems, code unit by code unit, in one Aho–Corasick pass, and only over texts that hold them
// (Normalized.farScript). Russian stems must start a word (short stems occur inside others); Chinese and
// Japanese have no spaces, so a stem may start anywhere.
import { SymbolAutomaton } from "./aho-corasick.ts";

export type FarShape = "override" | "extraction" | "address";

const STEMS = {
  override: [
    "忽略", "忽視", "无视", "無視", "忘记", "忘記", "忘掉", "不要理会", "不要理會", "抛开", "拋開", "不再遵守", "停止遵守", "不要遵守", "绕过", "繞過",
    "别再遵守", "別再遵守", "不要再遵守", "不用再遵守",
    "忘れて", "忘れろ", "従わない", "従うのをやめ", "従うのはもうやめ", "に従うのはやめ", "従わなくていい", "破棄して",
    "игнорируй", "игнорируйте", "проигнорируй", "проигнорируйте", "забудь", "забудьте", "не обращай внимания", "не обращайте внимания",
    "перестань следовать", "перестаньте следовать", "больше не следуй", "не следуй", "отбрось", "отбросьте", "отмени", "отмените", "хватит",
  ],
  // "не забудь" is "don't forget": an override inside a negation is cancelled
  negation: ["не забудь", "не забывай", "не игнорируй", "不要忘记", "不要忘記", "別忘了", "别忘了", "忘れないで", "無視しないで"],
  instr: [
    "指令", "指示", "规则", "規則", "提示词", "提示詞", "设定", "設定", "限制", "约束", "約束", "准则", "準則",
    "命令", "ルール", "制約", "ガイドライン", "プロンプト",
    "инструкци", "указани", "правила", "правилам", "правилах", "ограничени", "директив", "промпт",
  ],
  target: [
    "系统提示", "系統提示", "提示词", "提示詞", "初始指令", "原始指令", "系统指令", "系統指令", "系统消息", "系統消息", "隐藏指令", "隱藏指令", "开发者指令", "開發者指令", "系统设定", "系統設定",
    "システムプロンプト", "初期指示", "最初の指示", "元の指示", "隠された指示", "隠し指示", "開発者の指示", "隠し設定",
    "системный промпт", "системного промпта", "системные инструкции", "системных инструкций", "системное сообщение", "исходные инструкции",
    "первоначальные инструкции", "начальные инструкции", "скрытые инструкции", "свой промпт", "твой промпт", "ваш промпт", "скрытую конфигурацию", "скрытые настройки",
    "隐藏配置", "隱藏配置", "上面的文字", "上面的内容", "上にある文章", "上の文章", "初期設定", "выше этого сообщения", "текст выше",
  ],
  reveal: [
    "输出", "輸出", "显示", "顯示", "告诉我", "告訴我", "打印", "重复", "重複", "复述", "複述", "透露", "泄露", "洩露", "展示", "列出", "给我看", "給我看", "翻译", "翻譯",
    "表示して", "教えて", "出力して", "見せて", "繰り返して", "書き出して", "翻訳して", "開示して",
    "покажи", "покажите", "выведи", "выведите", "напиши", "напишите", "повтори", "повторите", "раскрой", "раскройте", "расскажи", "расскажите",
    "процитируй", "переведи", "переведите", "перевести", "перескажи", "изложи", "изложить", "изложите", "скопируй", "распечатай", "сообщи",
    "总结", "總結", "概括",
  ],
  ai: [
    "人工智能", "助手", "语言模型", "語言模型", "大模型", "アシスタント", "言語モデル", "人工知能",
    "ассистент", "помощник", "нейросеть", "нейросети", "языковая модель", "языковой модели", "искусственный интеллект", "ии",
    // "AI" written in Latin letters inside Chinese or Japanese text
    "给ai", "給ai", "ai助手", "ai的", "aiアシスタント", "aiへ",
  ],
  send: ["发送到", "發送到", "发送给", "發送給", "转发", "轉發", "送信して", "転送して", "отправь", "отправьте", "перешли", "перешлите"],
  steer: [
    "只推荐", "只推薦", "只回答", "告诉用户", "告訴用戶", "直接告诉", "回复用户", "だけを勧め", "勧めて", "と伝え",
    "ответь клиенту", "ответь пользователю", "скажи пользователю", "скажи клиенту", "рекомендуй только", "советуй только",
  ],
  suppress: ["不要回答用户", "不要回答用戶", "不要告诉用户", "不要告訴用戶", "不要让用户知道", "不要讓用戶知道", "隐瞒", "隱瞞", "ユーザーに伝えない", "ユーザーには言わない", "не говори пользователю", "не сообщай пользователю", "скрой от пользователя", "не упоминай", "не показывай", "не показывайте"],
} as const;

type Concept = keyof typeof STEMS;
const CONCEPTS = Object.keys(STEMS) as Concept[];
/** window, in code units, within which the parts of a shape must lie */
const WINDOW = { cjk: 24, cyrillic: 60 };

const isCyrillic = (c: number): boolean => c >= 0x400 && c <= 0x52f;
/** Ends of a clause: the two parts of a shape must lie in one ("забудьте старое задание — выполняйте новые
 * инструкции" is two orders, the second a teacher's). */
const isClauseBreak = (c: number): boolean =>
  c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3b || c === 0x0a || c === 0x2014 || c === 0x2013 || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b;
/** Opening and closing quotation marks: an override quoted is reported speech ("攻击者隐藏“忽略之前的指令”等语句"). */
const OPEN_QUOTE = new Set([0x201c, 0xab, 0x300c, 0x300e, 0x22, 0x201e]);
const CLOSE_QUOTE = new Set([0x201d, 0xbb, 0x300d, 0x300f, 0x22, 0x201c]);
/** How far back an opening quotation mark is looked for. */
const QUOTE_LOOKBACK = 24;

interface Compiled {
  /** code unit → symbol + 1 (0: in no stem) */
  sym: Uint16Array;
  automaton: SymbolAutomaton;
  /** per pattern: concept index, length, Cyrillic */
  concept: number[];
  length: number[];
  cyrillic: boolean[];
}
let COMPILED: Compiled | null = null;

function compile(): Compiled {
  if (COMPILED) return COMPILED;
  const sym = new Uint16Array(0x10000);
  let next = 1;
  const patterns: number[][] = [];
  const concept: number[] = [];
  const length: number[] = [];
  const cyrillic: boolean[] = [];
  CONCEPTS.forEach((name, ci) => {
    for (const stem of STEMS[name]) {
      patterns.push([...stem].map((ch) => (sym[ch.charCodeAt(0)] ||= next++) - 1));
      concept.push(ci);
      length.push(stem.length);
      cyrillic.push(isCyrillic(stem.charCodeAt(0)));
    }
  });
  COMPILED = { sym, automaton: new SymbolAutomaton(patterns), concept, length, cyrillic };
  return COMPILED;
}

interface Hit {
  concept: number;
  start: number;
  end: number;
}

/** Every stem in `t` (lower-cased), in order of its end: one pass, O(t.length + hits). */
function stemHits(t: string): Hit[] {
  const { sym, automaton, concept, length, cyrillic } = compile();
  const hits: Hit[] = [];
  let state = 0;
  for (let i = 0; i < t.length; i++) {
    const s = sym[t.charCodeAt(i)]!;
    if (s === 0) {
      state = 0;
      continue;
    }
    state = automaton.step(state, s - 1);
    const outs = automaton.outputs[state]!;
    for (let k = 0; k < outs.length; k++) {
      const pi = outs[k]!;
      const start = i + 1 - length[pi]!;
      if (cyrillic[pi] && start > 0 && isCyrillic(t.charCodeAt(start - 1))) continue;
      hits.push({ concept: concept[pi]!, start, end: i + 1 });
    }
  }
  return hits;
}

let LAST: { text: string; t: string; hits: Hit[] } = { text: "", t: "", hits: [] };

const C = Object.fromEntries(CONCEPTS.map((n, i) => [n, i])) as Record<Concept, number>;

/**
 * The spans of `text` where one shape occurs (run on the original text, lower-cased: the normalizer folds
 * Cyrillic letters that look Latin, "игнорируй" → "игhopиpyй"):
 * - override: an override verb and instructions or rules, in either order ("忽略之前的所有指令",
 *   "指示をすべて無視して", "игнорируй все предыдущие инструкции");
 * - extraction: a reveal verb and the model's own prompt, in either order (Japanese puts the object first);
 * - address: a name for an AI, then an order to ignore, send, steer the answer or keep something from the user.
 */
export function findFarScript(text: string, shape: FarShape): Array<{ start: number; end: number }> {
  // the three shapes of one text share one pass (a one-entry cache: the engine asks for them in a row)
  if (LAST.text !== text) {
    const lower = text.toLowerCase();
    LAST = { text, t: lower, hits: lower.length === text.length ? stemHits(lower) : [] };
  }
  const { t, hits } = LAST;
  const out: Array<{ start: number; end: number }> = [];
  // overrides inside a negation ("не забудь …", "不要忘记 …") are cancelled: the units a negation covers
  // after its first (stems are short: linear)
  const negated = new Set<number>();
  for (const h of hits) if (h.concept === C.negation) for (let q = h.start + 1; q < h.end; q++) negated.add(q);
  const [groupA, groupB, ordered] =
    shape === "override" ? [[C.override], [C.instr], false] : shape === "extraction" ? [[C.reveal], [C.target], false] : [[C.ai], [C.override, C.send, C.suppress, C.steer], true];
  const emit = (a: Hit, b: Hit): void => {
    const start = Math.min(a.start, b.start);
    const end = Math.max(a.end, b.end);
    const prev = out[out.length - 1];
    if (prev && start <= prev.end) prev.end = Math.max(prev.end, end);
    else out.push({ start, end });
  };
  const near = (x: Hit, y: Hit): boolean => {
    if (x.end > y.start || y.start - x.end > (isCyrillic(t.charCodeAt(x.start)) ? WINDOW.cyrillic : WINDOW.cjk)) return false;
    for (let q = x.end; q < y.start; q++) if (isClauseBreak(t.charCodeAt(q))) return false;
    return true;
  };
  // inside quotation marks: an opening mark shortly before, and no closing mark between it and the hit
  const quoted = (h: Hit): boolean => {
    for (let q = h.start - 1; q >= 0 && q >= h.start - QUOTE_LOOKBACK; q--) {
      const c = t.charCodeAt(q);
      if (OPEN_QUOTE.has(c)) return true;
      if (CLOSE_QUOTE.has(c) || isClauseBreak(c)) return false;
    }
    return false;
  };
  // the last hit of each group, as the hits go by in order of their end (linear)
  let lastA: Hit | null = null;
  let lastB: Hit | null = null;
  for (const h of hits) {
    if (h.concept === C.override && (negated.has(h.start) || quoted(h))) continue;
    const inA = groupA.includes(h.concept);
    const inB = groupB.includes(h.concept);
    if (inB && lastA && near(lastA, h)) emit(lastA, h);
    if (inA && !ordered && lastB && near(lastB, h)) emit(h, lastB);
    if (inA) lastA = h;
    if (inB) lastB = h;
  }
  return out;
}
