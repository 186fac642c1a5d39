import { pickSubset } from '../../../src/evaluation/dataset';

const files = ['000.jpg', '001.jpg', '002.jpg', '003.jpg', '004.jpg', '005.jpg', '006.jpg'];
const id = (f: string) => f.replace(/\.jpg$/, '');

describe('pickSubset', () => {
  test('when no subset is asked for, then every document is kept', () => {
    expect(pickSubset(files, id)).toEqual(files);
  });

  test('when --only names ids, then just those documents are kept, in set order', () => {
    expect(pickSubset(files, id, { only: ['005', '001', '999'] })).toEqual(['001.jpg', '005.jpg']);
  });

  test('when --sample 3, then every third document from the first is kept', () => {
    expect(pickSubset(files, id, { every: 3 })).toEqual(['000.jpg', '003.jpg', '006.jpg']);
  });
});
