// A small, strict XML 1.0 well-formedness checker (no DTDs, no external entities), enough to prove
// that the APIM policy files are real XML: one root, properly nested and closed elements, quoted and
// unique attributes, no raw "<" in attribute values, every "&" a valid reference, no "--" inside
// comments, no "]]>" in text. It returns a tree with attribute values and text already decoded, so
// tests can inspect policy expressions exactly as APIM's XML parser will see them.

export interface XmlElement {
  readonly kind: "element";
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: ReadonlyArray<XmlNode>;
  readonly line: number;
  readonly column: number;
}

export interface XmlText {
  readonly kind: "text";
  /** Decoded text (entity and character references resolved; CDATA sections verbatim). */
  readonly value: string;
  readonly line: number;
  readonly column: number;
}

export interface XmlComment {
  readonly kind: "comment";
  readonly value: string;
  readonly line: number;
  readonly column: number;
}

export type XmlNode = XmlElement | XmlText | XmlComment;

export class XmlError extends Error {
  readonly line: number;
  readonly column: number;
  constructor(message: string, line: number, column: number) {
    super(`${message} (line ${line}, column ${column})`);
    this.name = "XmlError";
    this.line = line;
    this.column = column;
  }
}

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
};

const NAME_START = /[A-Za-z_:\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]/;
const NAME_CHAR = /[A-Za-z0-9_:.\-\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]/;

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  private where(at = this.pos): { line: number; column: number } {
    let line = 1;
    let column = 1;
    for (let i = 0; i < at && i < this.src.length; i++) {
      if (this.src[i] === "\n") {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return { line, column };
  }

  private fail(message: string, at = this.pos): never {
    const { line, column } = this.where(at);
    throw new XmlError(message, line, column);
  }

  private startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  private skipSpace(): boolean {
    const start = this.pos;
    while (this.pos < this.src.length && " \t\r\n".includes(this.src[this.pos]!)) this.pos++;
    return this.pos > start;
  }

  private name(): string {
    const start = this.pos;
    const first = this.src[this.pos];
    if (first === undefined || !NAME_START.test(first)) this.fail("expected a name");
    this.pos++;
    while (this.pos < this.src.length && NAME_CHAR.test(this.src[this.pos]!)) this.pos++;
    return this.src.slice(start, this.pos);
  }

  /** Decodes a reference starting at this.pos (which is at "&"). */
  private reference(): string {
    const start = this.pos;
    const end = this.src.indexOf(";", this.pos);
    if (end < 0 || end - start > 12) this.fail('"&" must start a reference such as &amp; (escape a literal "&" as &amp;)', start);
    const body = this.src.slice(start + 1, end);
    let value: string;
    if (/^#[0-9]+$/.test(body)) {
      const code = Number.parseInt(body.slice(1), 10);
      if (!isXmlChar(code)) this.fail(`character reference &${body}; is not a valid XML character`, start);
      value = String.fromCodePoint(code);
    } else if (/^#x[0-9A-Fa-f]+$/.test(body)) {
      const code = Number.parseInt(body.slice(2), 16);
      if (!isXmlChar(code)) this.fail(`character reference &${body}; is not a valid XML character`, start);
      value = String.fromCodePoint(code);
    } else if (Object.hasOwn(PREDEFINED_ENTITIES, body)) {
      value = PREDEFINED_ENTITIES[body]!;
    } else {
      this.fail(`unknown entity &${body}; (only &lt; &gt; &amp; &quot; &apos; and character references are defined)`, start);
    }
    this.pos = end + 1;
    return value;
  }

  private attributeValue(): string {
    const quote = this.src[this.pos];
    if (quote !== '"' && quote !== "'") this.fail("attribute values must be quoted");
    this.pos++;
    let out = "";
    for (;;) {
      const ch = this.src[this.pos];
      if (ch === undefined) this.fail("unterminated attribute value");
      if (ch === quote) {
        this.pos++;
        return out;
      }
      if (ch === "<") this.fail('"<" is not allowed in an attribute value (write &lt;)');
      if (ch === "&") {
        out += this.reference();
        continue;
      }
      // Attribute-value normalization (XML 1.0 §3.3.3): literal whitespace characters become spaces.
      out += ch === "\t" || ch === "\n" || ch === "\r" ? " " : ch;
      this.pos++;
    }
  }

  private comment(): XmlComment {
    const at = this.where();
    this.pos += 4; // "<!--"
    const end = this.src.indexOf("--", this.pos);
    if (end < 0) this.fail("unterminated comment");
    if (this.src[end + 2] !== ">") this.fail('"--" is not allowed inside a comment', end);
    const value = this.src.slice(this.pos, end);
    if (value.endsWith("-")) this.fail('a comment must not end with "--->"', end - 1);
    this.pos = end + 3;
    return { kind: "comment", value, ...at };
  }

  private processingInstruction(): void {
    this.pos += 2; // "<?"
    const target = this.name();
    if (target.toLowerCase() === "xml") this.fail("the XML declaration is only allowed at the very start of the document");
    const end = this.src.indexOf("?>", this.pos);
    if (end < 0) this.fail("unterminated processing instruction");
    this.pos = end + 2;
  }

  private cdata(): string {
    this.pos += 9; // "<![CDATA["
    const end = this.src.indexOf("]]>", this.pos);
    if (end < 0) this.fail("unterminated CDATA section");
    const value = this.src.slice(this.pos, end);
    this.pos = end + 3;
    return value;
  }

  private element(): XmlElement {
    const at = this.where();
    this.pos++; // "<"
    const name = this.name();
    const attributes = new Map<string, string>();
    for (;;) {
      const hadSpace = this.skipSpace();
      if (this.startsWith("/>")) {
        this.pos += 2;
        return { kind: "element", name, attributes, children: [], ...at };
      }
      if (this.startsWith(">")) {
        this.pos++;
        break;
      }
      if (this.pos >= this.src.length) this.fail(`unterminated start tag <${name}>`);
      if (!hadSpace) this.fail("attributes must be separated by white space");
      const attrAt = this.pos;
      const attrName = this.name();
      this.skipSpace();
      if (this.src[this.pos] !== "=") this.fail(`attribute "${attrName}" has no value`);
      this.pos++;
      this.skipSpace();
      const value = this.attributeValue();
      if (attributes.has(attrName)) this.fail(`duplicate attribute "${attrName}"`, attrAt);
      attributes.set(attrName, value);
    }

    const children: XmlNode[] = [];
    let text = "";
    let textAt: { line: number; column: number } | null = null;
    const flushText = (): void => {
      if (text.length > 0 && textAt) children.push({ kind: "text", value: text, ...textAt });
      text = "";
      textAt = null;
    };
    for (;;) {
      if (this.pos >= this.src.length) this.fail(`element <${name}> is not closed`, this.src.length);
      if (this.startsWith("</")) {
        flushText();
        const closeAt = this.pos;
        this.pos += 2;
        const closing = this.name();
        if (closing !== name) this.fail(`</${closing}> does not match <${name}> opened at line ${at.line}`, closeAt);
        this.skipSpace();
        if (this.src[this.pos] !== ">") this.fail(`malformed end tag </${closing}`);
        this.pos++;
        return { kind: "element", name, attributes, children, ...at };
      }
      if (this.startsWith("<!--")) {
        flushText();
        children.push(this.comment());
        continue;
      }
      if (this.startsWith("<![CDATA[")) {
        textAt ??= this.where();
        text += this.cdata();
        continue;
      }
      if (this.startsWith("<?")) {
        flushText();
        this.processingInstruction();
        continue;
      }
      if (this.startsWith("<!")) this.fail("DOCTYPE and other declarations are not allowed in policy documents");
      if (this.startsWith("<")) {
        flushText();
        children.push(this.element());
        continue;
      }
      textAt ??= this.where();
      const ch = this.src[this.pos]!;
      if (ch === "&") {
        text += this.reference();
        continue;
      }
      if (this.startsWith("]]>")) this.fail('"]]>" is not allowed in text (write ]]&gt;)');
      text += ch;
      this.pos++;
    }
  }

  parse(): XmlElement {
    for (let i = 0; i < this.src.length; i++) {
      const code = this.src.codePointAt(i)!;
      if (!isXmlChar(code)) this.fail(`character U+${code.toString(16).toUpperCase().padStart(4, "0")} is not allowed in XML`, i);
      if (code > 0xffff) i++;
    }
    if (this.src.charCodeAt(0) === 0xfeff) this.pos = 1;
    if (this.startsWith("<?xml") && /[\s?]/.test(this.src[this.pos + 5] ?? "")) {
      const end = this.src.indexOf("?>", this.pos);
      if (end < 0) this.fail("unterminated XML declaration");
      const decl = this.src.slice(this.pos, end + 2);
      if (!/^<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*\?>$/.test(decl)) {
        this.fail("malformed XML declaration");
      }
      this.pos = end + 2;
    }
    let root: XmlElement | null = null;
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.src.length) break;
      if (this.startsWith("<!--")) {
        this.comment();
      } else if (this.startsWith("<?")) {
        this.processingInstruction();
      } else if (this.startsWith("<!")) {
        this.fail("DOCTYPE and other declarations are not allowed in policy documents");
      } else if (this.startsWith("<")) {
        if (root) this.fail("a document has exactly one root element");
        root = this.element();
      } else {
        this.fail("text is not allowed outside the root element");
      }
    }
    if (!root) this.fail("the document has no root element");
    return root;
  }
}

/** Parses `source` as XML and returns its root element; throws XmlError if it is not well-formed. */
export function parseXml(source: string): XmlElement {
  return new Parser(source).parse();
}

/** Every element of the tree, depth first, the root included. */
export function* elements(root: XmlElement): Generator<XmlElement> {
  yield root;
  for (const child of root.children) if (child.kind === "element") yield* elements(child);
}

/** The element's direct child elements. */
export function childElements(element: XmlElement): XmlElement[] {
  return element.children.filter((c): c is XmlElement => c.kind === "element");
}

/** The element's text content (its direct text nodes, concatenated). */
export function textOf(element: XmlElement): string {
  return element.children
    .filter((c): c is XmlText => c.kind === "text")
    .map((c) => c.value)
    .join("");
}
