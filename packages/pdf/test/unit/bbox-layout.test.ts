import { parseBboxLayout } from '../../src';

const listing = `<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml">
<head><title></title></head>
<body>
<doc>
  <page width="595.280000" height="841.890000">
    <flow>
      <block xMin="56.0" yMin="56.0" xMax="215.6" yMax="63.467">
        <line xMin="56.0" yMin="56.0" xMax="215.6" yMax="63.467">
          <word xMin="56.000000" yMin="56.000000" xMax="113.000000" yMax="63.467000">Smith&amp;Co</word>
          <word xMin="118.7" yMin="56.0" xMax="135.8" yMax="63.467">&lt;3&gt;</word>
          <word xMin="140.0" yMin="56.0" xMax="160.0" yMax="63.467">&#8364;&#x41;&bogus;</word>
        </line>
      </block>
    </flow>
  </page>
  <page width="612.000000" height="792.000000">
  </page>
</doc>
</body>
</html>`;

describe('parseBboxLayout', () => {
  test('when poppler lists two pages, then each has its size and its lines of words, entities decoded', () => {
    const pages = parseBboxLayout(listing);

    expect(pages).toHaveLength(2);
    expect(pages[0]).toEqual({
      width: 595.28,
      height: 841.89,
      lines: [
        [
          { text: 'Smith&Co', xMin: 56, yMin: 56, xMax: 113, yMax: 63.467 },
          { text: '<3>', xMin: 118.7, yMin: 56, xMax: 135.8, yMax: 63.467 },
          { text: '€A&bogus;', xMin: 140, yMin: 56, xMax: 160, yMax: 63.467 },
        ],
      ],
    });
    expect(pages[1]).toEqual({ width: 612, height: 792, lines: [] });
  });

  test('when the listing is cut short or holds no pages, then what was read is returned', () => {
    expect(parseBboxLayout('')).toEqual([]);
    expect(parseBboxLayout(listing.slice(0, listing.indexOf('&lt;3')))).toEqual([
      {
        width: 595.28,
        height: 841.89,
        lines: [[{ text: 'Smith&Co', xMin: 56, yMin: 56, xMax: 113, yMax: 63.467 }]],
      },
    ]);
  });
});
