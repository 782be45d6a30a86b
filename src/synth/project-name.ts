/**
 * How a system writes a customer's name: structured or free text, Hanzi or pinyin, with nickname,
 * initials, swapped order, dialect romanisation and legal-form variants as recorded corruptions.
 */
import { pinyin } from 'pinyin-pro';
import type { Organization, Person } from './customer.js';
import { roll, type Ctx, type SynthRecord } from './draft.js';
import type { SystemSpec } from './systems.js';
import { CN_FAMILY_VARIANTS } from './tables/names-cn.js';
import { NICKNAMES } from './tables/nicknames.js';

const CJK = /[\u4e00-\u9fff]/;
const syllableCache = new Map<string, string[]>();

/** Pinyin syllables of a Hanzi given name ("晓明" → Xiao, Ming), capitalised. */
function syllables(native: string): string[] {
  let s = syllableCache.get(native);
  if (!s) {
    s = (pinyin(native, { toneType: 'none', type: 'array' }) as string[]).map(
      (p) => p.charAt(0).toUpperCase() + p.slice(1).replace('ü', 'u'),
    );
    syllableCache.set(native, s);
  }
  return s;
}

interface NameParts {
  given: string;
  middle: string;
  family: string;
  native: boolean;
}

function chooseScript(ctx: Ctx, p: Person): NameParts {
  const middle = p.middle?.latin ?? '';
  if (p.given.native === null || p.family.native === null)
    return { given: p.given.latin, middle, family: p.family.latin, native: false };
  // Chinese names: Hanzi in most mainland records, pinyin in most records abroad.
  if (ctx.rng.chance(p.locale.code === 'cn' ? 0.6 : 0.15)) {
    return { given: p.given.native, middle: '', family: p.family.native, native: true };
  }
  ctx.corruptions.push('translit:pinyin');
  let family = p.family.latin;
  let given = p.given.latin;
  const variants = CN_FAMILY_VARIANTS[family];
  if (variants && roll(ctx, 'translit_dialect')) {
    family = ctx.rng.pick(variants);
    ctx.corruptions.push('translit:dialect');
  }
  if (p.given.native.length === 2 && roll(ctx, 'translit_split')) {
    given = syllables(p.given.native).join(ctx.rng.chance(0.5) ? ' ' : '-');
    ctx.corruptions.push('translit:split');
  }
  return { given, middle: '', family, native: false };
}

function applyNameCorruptions(ctx: Ctx, n: NameParts): void {
  if (n.native) return;
  const nicknames = NICKNAMES[n.given];
  if (nicknames && roll(ctx, 'nickname')) {
    n.given = ctx.rng.pick(nicknames);
    ctx.corruptions.push('nickname');
  }
  if (roll(ctx, 'initials')) {
    n.given = n.given.charAt(0) + (ctx.rng.chance(0.5) ? '.' : '');
    n.middle = n.middle ? n.middle.charAt(0) : '';
    ctx.corruptions.push('initials');
  }
  if (roll(ctx, 'name_swap')) {
    const g = n.given;
    n.given = n.family;
    n.family = g;
    ctx.corruptions.push('name_swap');
  }
}

/** Free-text name as a call-centre agent or a counter clerk types it. */
function freeText(ctx: Ctx, n: NameParts, p: Person): string {
  if (n.native) return n.family + n.given;
  const middle = n.middle ? ' ' + n.middle : '';
  if (p.given.native !== null) {
    // Pinyin names are often written family-first, family in capitals.
    return ctx.rng.chance(0.5) ? `${n.family.toUpperCase()} ${n.given}` : `${n.given} ${n.family}`;
  }
  const r = ctx.rng.float();
  if (r < 0.15) return `${n.family}, ${n.given}${middle}`;
  if (r < 0.25) return `${p.gender === 'f' ? ctx.rng.pick(['Ms', 'Mrs', 'Miss']) : 'Mr'} ${n.given} ${n.family}`;
  return `${n.given}${middle} ${n.family}`;
}

export function writePersonName(ctx: Ctx, rec: SynthRecord, p: Person, sys: SystemSpec): void {
  const n = chooseScript(ctx, p);
  applyNameCorruptions(ctx, n);
  if (ctx.rng.chance(sys.fullName)) {
    rec.full_name = freeText(ctx, n, p);
    return;
  }
  rec.given_name = n.given;
  rec.family_name = n.family;
  if (n.middle && ctx.rng.chance(sys.middleName)) rec.middle_name = n.middle;
}

export function writeOrgName(ctx: Ctx, rec: SynthRecord, o: Organization): void {
  const native = o.nativeName !== null && ctx.rng.chance(0.6);
  let name = native ? (o.nativeName as string) : o.name;
  const [formal, shorts] = o.legalForm;
  let form = native ? formal : (shorts.find((s) => !CJK.test(s)) ?? formal);
  if (roll(ctx, 'legal_form')) {
    const r = ctx.rng.float();
    form = r < 0.5 ? '' : r < 0.75 ? formal : ctx.rng.pick(shorts);
    ctx.corruptions.push('legal_form');
  }
  if (!native && roll(ctx, 'org_variant')) {
    if (name.includes(' & ')) name = name.replace(' & ', ' and ');
    else name = ctx.rng.chance(0.5) ? 'The ' + name : name.replace(/ /g, ctx.rng.pick(['-', '']));
    ctx.corruptions.push('org_variant');
  }
  // Hanzi names take a Hanzi legal form and Latin names a Latin one, whatever the variant drawn.
  if (form !== '' && native !== CJK.test(form)) form = native ? formal : 'Co., Ltd.';
  rec.organization_name = form === '' ? name : native ? name + form : `${name} ${form}`;
}
