/**
 * Reads a style sheet's declarations (property, value, line) and says which break the product's
 * one look: a literal colour outside the design tokens, or a left/right property that does not
 * mirror in right-to-left languages. Used by tests/unit/css-tokens.test.ts.
 */

export type Declaration = { property: string; value: string; line: number };
export type Finding = { file: string; line: number; text: string; why: string };

/** The CSS named colours (CSS Color 4), which are as literal as a hex code. */
const NAMED_COLOURS = `aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet
brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan
darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred
darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue
dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray
green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen
lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink
lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen
linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue
mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy
oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip
peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown
seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal
thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen`.split(/\s+/);

const HEX = /#[0-9a-f]{3,8}\b/i;
const COLOUR_FUNCTION = /\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/i;
const NAMED = new RegExp(`(?<![\\w-])(?:${NAMED_COLOURS.join("|")})(?![\\w-])`, "i");
/** Physical properties and values that stay on the left or right whatever the writing direction. */
const PHYSICAL_PROPERTY =
  /^(?:(?:margin|padding|border|scroll-margin|scroll-padding)-(?:left|right)(?:-[a-z]+)?|left|right)$/;
const PHYSICAL_VALUE = /^(?:text-align|float|clear)$/;

/** Every declaration of a style sheet with its line; comments are blanked so they neither match nor shift lines. */
export function declarations(css: string): Declaration[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " "));
  const out: Declaration[] = [];
  // A declaration runs from its property to the next ";" or "}". Selectors with a colon (a:hover) and
  // media queries ((max-width: 40rem)) end in "{" instead, so they never match.
  for (const m of text.matchAll(/(?<![\w-])(-{0,2}[a-zA-Z][\w-]*)\s*:\s*([^;{}]*)(?=[;}])/g)) {
    const line = text.slice(0, m.index).split("\n").length;
    out.push({ property: m[1]!.toLowerCase(), value: m[2]!.trim(), line });
  }
  return out;
}

/** The colour a value names literally, if any (strings, url(...) and custom property names do not count). */
export function literalColour(value: string): string | null {
  const bare = value
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')
    .replace(/url\([^)]*\)/gi, "url()")
    .replace(/--[\w-]+/g, "--x");
  return (HEX.exec(bare) ?? COLOUR_FUNCTION.exec(bare) ?? NAMED.exec(bare))?.[0] ?? null;
}

/**
 * What a style sheet does against the tokens: in the token file a literal colour may only be a custom
 * property's value (a token's definition); anywhere else, nowhere. Left/right properties nowhere.
 */
export function findings(file: string, css: string, { isTokenFile }: { isTokenFile: boolean }): Finding[] {
  const out: Finding[] = [];
  for (const d of declarations(css)) {
    const text = `${d.property}: ${d.value}`;
    const colour = literalColour(d.value);
    if (colour && !(isTokenFile && d.property.startsWith("--")))
      out.push({ file, line: d.line, text, why: `literal colour ${colour}: use a token from tokens.css` });
    if (PHYSICAL_PROPERTY.test(d.property))
      out.push({ file, line: d.line, text, why: "left/right property: use its logical form (…-inline-start/end)" });
    if (PHYSICAL_VALUE.test(d.property) && /\b(?:left|right)\b/.test(d.value))
      out.push({ file, line: d.line, text, why: "left/right value: use start/end (inline-start/end)" });
  }
  return out;
}
