import { describe, expect, it } from 'vitest';
import { placeSideOf, sideOf } from './side-lexicon.ts';

describe('sideOf', () => {
  it('reads Russian and Ukrainian institutions and people', () => {
    expect(sideOf('Kremlin spokesman Dmitry Peskov')).toBe('russia');
    expect(sideOf('Russia’s defence ministry')).toBe('russia');
    expect(sideOf('Volodymyr Zelenskyy')).toBe('ukraine');
    expect(sideOf('Kyiv’s forces')).toBe('ukraine');
  });

  it('lets the first named party head the phrase, third parties included', () => {
    expect(sideOf('the UN’s humanitarian coordinator for Ukraine')).toBe('other');
    expect(sideOf('the World Health Organization (WHO) incident manager for Ukraine')).toBe('other');
    expect(sideOf('Ukraine’s ambassador to the UN')).toBe('ukraine');
    expect(sideOf('the US')).toBe('other');
  });

  it('keeps Belarus and separatists apart unless called Russian, and ignores the war as a topic', () => {
    expect(sideOf('Belarusian leader Alexander Lukashenko')).toBe('other');
    expect(sideOf('pro-Russian separatist leader Denis Pushilin')).toBe('other');
    expect(sideOf('experts on Russia’s invasion of Ukraine')).toBe('other');
    expect(sideOf('a close friend of Ukraine John Paul II')).toBe('other');
    expect(sideOf('the Russian-installed governor of Kherson, Vladimir Saldo')).toBe('russia');
  });
});

describe('placeSideOf', () => {
  it('reads towns and regions, not nationality words', () => {
    expect(placeSideOf('Shelling intensified around Popasna')).toBe('ukraine');
    expect(placeSideOf('Ukrainian soldiers were trapped')).toBe('other');
    expect(placeSideOf('drones struck Belgorod')).toBe('russia');
  });
});
