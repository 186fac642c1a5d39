import { consumers, producerOf, stageOfInput } from '../../src';

describe('routing graph derived from the topology', () => {
  it('when a stage declares its input, then that event starts it and nothing else does', () => {
    expect(stageOfInput).toEqual({
      'document.received': 'scanner',
      'document.scanned': 'ocr',
      'document.text_extracted': 'classifier',
      'document.classified': 'publisher',
    });
    // every pipeline stage has one input, and it is an event the stage consumes
    for (const c of consumers.filter((c) => c.pipelineStage))
      expect(c.consumes).toContain('input' in c ? c.input : undefined);
  });

  it('when one stage alone produces an event, then it is the producer; otherwise the gateway', () => {
    expect(producerOf('document.scanned')).toBe('scanner');
    expect(producerOf('document.rejected')).toBe('scanner');
    expect(producerOf('document.needs_review')).toBe('classifier');
    expect(producerOf('document.published')).toBe('publisher');
    expect(producerOf('document.received')).toBe('gateway');
    expect(producerOf('document.cancelled')).toBe('gateway');
    // produced by every stage: the event's payload names which
    expect(producerOf('document.failed')).toBe('gateway');
  });
});
