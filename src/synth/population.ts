/**
 * The stream of true customers: organisations and people, where some people come as households
 * (same address, mostly same family name, sometimes a shared landline) and some are namesakes of
 * an earlier unrelated person. Both exist so that matching is tested for precision, not only recall.
 */
import {
  birthDate,
  makeOrganization,
  makePerson,
  type Customer,
  type Person,
  type PopulationRates,
} from './customer.js';
import type { LocaleSpec } from './locales/types.js';
import type { Rng } from './prng.js';

const RECENT = 256;

export class Population {
  private next = 0;
  private readonly pending: Customer[] = [];
  /** Recent people per locale code, as a ring, to draw namesakes from without keeping everyone. */
  private readonly recent = new Map<string, Person[]>();

  constructor(
    private readonly rng: Rng,
    private readonly pickLocale: (rng: Rng) => LocaleSpec,
    private readonly rates: PopulationRates,
  ) {}

  private newId(): string {
    this.next += 1;
    return 'E' + String(this.next).padStart(8, '0');
  }

  /** The next customer. Household members follow their first member. */
  nextCustomer(): Customer {
    const queued = this.pending.shift();
    if (queued) return queued;
    const rng = this.rng;
    const locale = this.pickLocale(rng);
    if (rng.chance(this.rates.organization)) return makeOrganization(rng, locale, this.newId(), this.rates);
    const person = this.makeIndividual(locale);
    if (rng.chance(this.rates.household)) this.queueHousehold(person);
    return person;
  }

  private makeIndividual(locale: LocaleSpec): Person {
    const recent = this.recent.get(locale.code) ?? [];
    this.recent.set(locale.code, recent);
    let person: Person;
    const model = recent.length > 0 && this.rng.chance(this.rates.namesake) ? this.rng.pick(recent) : null;
    if (model) {
      // Same full name (and gender), otherwise a different person; a third also share the birth year.
      const dob = this.rng.chance(0.33) ? model.dob.slice(0, 4) + birthDate(this.rng, 2026).slice(4) : undefined;
      person = makePerson(this.rng, locale, this.newId(), this.rates, {
        given: model.given,
        family: model.family,
        gender: model.gender,
        dob,
      });
    } else {
      person = makePerson(this.rng, locale, this.newId(), this.rates);
    }
    if (recent.length < RECENT) recent.push(person);
    else recent[this.rng.int(RECENT)] = person;
    return person;
  }

  private queueHousehold(head: Person): void {
    const rng = this.rng;
    const members = 1 + Math.floor(Math.pow(rng.float(), 2) * 3);
    const headYear = Number(head.dob.slice(0, 4));
    for (let i = 0; i < members; i++) {
      const spouse = i === 0 && rng.chance(0.7);
      // Everyone generated is an adult (born 2008 or earlier); children are 20–35 years younger than the head.
      const year = Math.min(2008, spouse ? headYear + rng.range(-6, 6) : headYear + rng.range(20, 35));
      const member = makePerson(rng, head.locale, this.newId(), this.rates, {
        family: spouse && rng.chance(0.15) ? head.locale.family.pick(rng) : head.family,
        gender: spouse ? (head.gender === 'f' ? 'm' : 'f') : undefined,
        dob: String(year) + birthDate(rng, 2026).slice(4),
        address: head.address,
        newAddress: spouse ? head.newAddress : null,
        landline: head.landline,
        householdId: head.entityId,
      });
      this.pending.push(member);
    }
  }
}
