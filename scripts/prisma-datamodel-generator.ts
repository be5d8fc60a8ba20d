import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { generatorHandler } from '@prisma/generator-helper';

/**
 * A Prisma generator that writes the schema's data model (DMMF) to JSON. The schema-drift test
 * compares it with the catalog of a migrated database; Prisma's own diff needs the native
 * schema engine, which air-gapped machines cannot download (DESIGN.md §2).
 */
generatorHandler({
  onManifest: () => ({
    prettyName: 'Data model (DMMF) for the drift test',
    defaultOutput: 'datamodel.json',
  }),
  onGenerate: async (options) => {
    const output = options.generator.output?.value;
    if (!output) throw new Error('datamodel generator: output is required');
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, `${JSON.stringify(options.dmmf.datamodel, null, 2)}\n`);
    return Promise.resolve();
  },
});
