// The firm's template turned into the look of every pack: page size, colours, fonts, the Word
// styles, and the header and footer (firm name, "Confidential", "Page X of Y") on every page.
import { AlignmentType, BorderStyle, Footer, Header, type IStylesOptions, LineRuleType, PageNumber, Paragraph, TabStopType, TextRun } from 'docx';
import type { RuleStatus } from '../../contract/compliance';
import type { FirmInfo } from '../../contract/model';
import { fitWithin, imageInfo } from './images';
import { AppError } from '../errors';
import type { FirmTemplate } from './types';

/** A4 portrait with 2 cm margins, in twips (1/1440 inch). */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: 1134,
  headerFooter: 567,
} as const;
export const CONTENT_WIDTH_TWIPS = PAGE.width - 2 * PAGE.margin;
/** The same width in pixels at 96 to the inch, the unit docx sizes images in. */
export const CONTENT_WIDTH_PX = Math.floor((CONTENT_WIDTH_TWIPS / 1440) * 96);
/** Room for an image on a page of its own, leaving space for its caption (pixels). */
export const CONTENT_HEIGHT_PX = Math.floor(((PAGE.height - 2 * PAGE.margin - 1200) / 1440) * 96);

export const FONT = 'Arial';
export const MONO_FONT = 'Courier New';
/** Sizes in half-points. */
export const SIZE = { body: 20, small: 17, tiny: 15, title: 52, subtitle: 32 } as const;
export const TEXT_COLOUR = '222222';
export const MUTED_COLOUR = '595959';
export const RULE_COLOUR = 'BFBFBF';

export const DEFAULT_PRIMARY = '1F4E79';

export interface PackLogo {
  bytes: Uint8Array;
  kind: 'png' | 'jpg';
  width: number;
  height: number;
}
export interface PackTheme {
  firmName: string;
  /** Six hex digits without '#'. */
  primary: string;
  /** Text colour that reads on the primary colour (white or near-black). */
  onPrimary: string;
  /** A pale tint of the primary colour for label cells. */
  tint: string;
  logo?: PackLogo;
  addressLines: string[];
  footerText?: string;
  /** The pack's register entry (setup.ts copies it from the input): named in every footer. */
  register?: { id: number; generatedAt: string };
}

const HEX_RE = /^#?([0-9A-Fa-f]{6})$/;

/** Checks the firm template and works out the colours; a bad colour or logo is an error, never silently dropped. */
export function resolveTheme(template: FirmTemplate | undefined, firm: FirmInfo): PackTheme {
  let primary = DEFAULT_PRIMARY;
  if (template?.primaryColour !== undefined) {
    const m = HEX_RE.exec(template.primaryColour.trim());
    if (!m) throw new AppError('invalid', `The primary colour "${template.primaryColour}" must be six hex digits, such as 1F4E79.`, 'template.primaryColour');
    primary = m[1].toUpperCase();
  }
  // A template's address block keeps its own lines; the firm's one-line address is split at its commas.
  const addressLines = (template?.addressBlock ?? (firm.address ?? '').replace(/,\s*/g, '\n'))
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return {
    firmName: firm.name,
    primary,
    onPrimary: luminance(primary) > 0.45 ? '111111' : 'FFFFFF',
    tint: mix(primary, 'FFFFFF', 0.88),
    logo: template?.logo ? decodeLogo(template.logo) : undefined,
    addressLines,
    footerText: template?.footerText?.trim() || undefined,
  };
}

function decodeLogo(logo: NonNullable<FirmTemplate['logo']>): PackLogo {
  const bytes = new Uint8Array(Buffer.from(logo.base64, 'base64'));
  const info = imageInfo(bytes);
  const wanted = logo.mediaType === 'image/png' ? 'png' : 'jpg';
  if (!info || info.kind !== wanted) {
    throw new AppError('invalid', `The logo is not a readable ${wanted === 'png' ? 'PNG' : 'JPEG'} image.`, 'template.logo');
  }
  // A logo sits in a box at most 220 x 90 pixels on the cover.
  return { bytes, kind: wanted, ...fitWithin(info, 220, 90) };
}

function channels(hex: string): [number, number, number] {
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function mix(hex: string, other: string, amount: number): string {
  const a = channels(hex);
  const b = channels(other);
  return a
    .map((c, i) =>
      Math.round(c + (b[i] - c) * amount)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase();
}

/** Pale cell fills for each status. The status word is always printed in the cell too. */
export const STATUS_FILL: Record<RuleStatus, string> = {
  not_met: 'F4C7C3',
  due_soon: 'FCE8B2',
  met: 'CDE8D0',
  exempt: 'DCE3EC',
  not_applicable: 'EDEDED',
};
/** Fill for answers that are not a rule status, such as "No evidence held". */
export const NEUTRAL_FILL = 'EDEDED';

/** The paragraph style of every table cell's text (parts.ts cell): single-spaced, nothing before or after, small type. */
export const CELL_STYLE = 'CellText';
export const CELL_TEXT_SIZE = SIZE.small;

export function documentStyles(theme: PackTheme): IStylesOptions {
  const heading = (size: number, before: number, after: number) => ({
    run: { font: FONT, size, bold: true, color: theme.primary },
    paragraph: { spacing: { before, after }, keepNext: true, keepLines: true },
  });
  return {
    default: {
      document: {
        run: { font: FONT, size: SIZE.body, color: TEXT_COLOUR },
        paragraph: { spacing: { after: 80, line: 264, lineRule: LineRuleType.AUTO } },
      },
      heading1: heading(30, 240, 120),
      heading2: heading(24, 200, 80),
      heading3: heading(21, 160, 60),
      title: { run: { font: FONT, size: SIZE.title, bold: true, color: theme.primary } },
    },
    paragraphStyles: [
      {
        id: CELL_STYLE,
        name: 'Table text',
        basedOn: 'Normal',
        run: { size: CELL_TEXT_SIZE },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
    ],
  };
}

const rightTab = [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH_TWIPS }];

/** Firm name on the left, "Confidential" on the right, a rule beneath. */
export function pageHeader(theme: PackTheme): Header {
  return new Header({
    children: [
      new Paragraph({
        tabStops: rightTab,
        border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: theme.primary, space: 4 } },
        spacing: { after: 0 },
        children: [
          new TextRun({ text: theme.firmName, bold: true, size: SIZE.small, color: theme.primary }),
          new TextRun({ text: '\tConfidential', bold: true, size: SIZE.small, color: MUTED_COLOUR, allCaps: true }),
        ],
      }),
    ],
  });
}

/** The pack's name and date on the left, "Page X of Y" (PAGE and NUMPAGES fields) on the right. */
/** How a pack names its place in the register, in its footer and core properties. */
export const registerLabel = (id: number) => `Register entry ${id}`;

export function pageFooter(theme: PackTheme, label: string): Footer {
  const children = [
    new Paragraph({
      tabStops: rightTab,
      border: { top: { style: BorderStyle.SINGLE, size: 4, color: RULE_COLOUR, space: 4 } },
      spacing: { after: 0 },
      children: [
        new TextRun({ text: theme.register ? `${label} · ${registerLabel(theme.register.id)}` : label, size: SIZE.tiny, color: MUTED_COLOUR }),
        new TextRun({
          size: SIZE.tiny,
          color: MUTED_COLOUR,
          children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
        }),
      ],
    }),
  ];
  if (theme.footerText) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.LEFT,
        spacing: { before: 40, after: 0 },
        children: [new TextRun({ text: theme.footerText, size: SIZE.tiny, color: MUTED_COLOUR })],
      }),
    );
  }
  return new Footer({ children });
}
