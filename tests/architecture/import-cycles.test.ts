import { importCycles, importGraph } from './import-graph';

describe('imports in utils/', () => {
  it('form no cycle, so that every module can be read (and loaded) after the ones it uses', () => {
    const graph = importGraph('utils');
    // The graph is the real one: the engine reaches its router, the router its handlers.
    expect(graph.get('utils/background/engine.ts')).toContain('utils/background/router.ts');
    expect(graph.get('utils/background/router.ts')).toContain('utils/background/handlers/index.ts');
    expect(importCycles(graph)).toEqual([]);
  });
});

describe('the cycle check', () => {
  it('finds a cycle however long, and a module importing itself', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(importCycles(graph)).toEqual(expect.arrayContaining([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]));
    expect(importCycles(graph)).toHaveLength(2);
  });

  it('finds none in a graph that only branches and joins', () => {
    expect(importCycles(new Map([['a.ts', ['b.ts', 'c.ts']], ['b.ts', ['d.ts']], ['c.ts', ['d.ts']], ['d.ts', []]]))).toEqual([]);
  });
});
