import { describe, expect, it } from 'vitest';
import { type ManifestChunk, offlineAssetsOf } from '../../../scripts/web-build/offline-assets.js';

// A manifest as Vite writes it: the entry, two lazy pages sharing a chunk, a page with a lazy chart.
const manifest: Record<string, ManifestChunk> = {
  'index.html': { file: 'assets/index-AAAAAAAA.js', css: ['assets/index-BBBBBBBB.css'] },
  'pages/phone/PhoneHomePage.tsx': {
    file: 'assets/PhoneHomePage-CCCCCCCC.js',
    imports: ['index.html', '_Card-DDDDDDDD.js'],
  },
  '_Card-DDDDDDDD.js': { file: 'assets/Card-DDDDDDDD.js', css: ['assets/Card-EEEEEEEE.css'] },
  'pages/cockpit/CockpitPage.tsx': {
    file: 'assets/CockpitPage-FFFFFFFF.js',
    imports: ['index.html', '_Card-DDDDDDDD.js', '_echarts-GGGGGGGG.js'],
  },
  '_echarts-GGGGGGGG.js': { file: 'assets/echarts-GGGGGGGG.js' },
};

describe('the scripts a phone keeps for the field pages (the service worker caches them on install)', () => {
  it('lists a page with everything it imports, and its styles, once each', () => {
    expect(offlineAssetsOf(manifest, ['pages/phone/PhoneHomePage.tsx'])).toEqual([
      '/assets/Card-DDDDDDDD.js',
      '/assets/Card-EEEEEEEE.css',
      '/assets/PhoneHomePage-CCCCCCCC.js',
      '/assets/index-AAAAAAAA.js',
      '/assets/index-BBBBBBBB.css',
    ]);
  });

  it('leaves out what only other pages need', () => {
    const kept = offlineAssetsOf(manifest, ['pages/phone/PhoneHomePage.tsx']);
    expect(kept).not.toContain('/assets/echarts-GGGGGGGG.js');
    expect(kept).not.toContain('/assets/CockpitPage-FFFFFFFF.js');
  });

  it('fails the build when a field page is not in the manifest (renamed or moved)', () => {
    expect(() => offlineAssetsOf(manifest, ['pages/phone/PhoneStart.tsx'])).toThrow(
      "The web build's manifest has no pages/phone/PhoneStart.tsx",
    );
  });
});
