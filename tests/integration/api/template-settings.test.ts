import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiService } from '../../../src/main/services/api-service';
import { createApiService } from '../../../src/main/services/api-service';
import { readProjectSettings } from '../../../src/shared/api/project-settings';
import type { Project } from '../../../src/shared/api/records';

const opened: { service: ApiService; dir: string }[] = [];

function open(): ApiService {
  const dir = mkdtempSync(path.join(tmpdir(), 'neurite-template-settings-'));
  const service = createApiService({ dataDir: dir, transport: 'websocket' });
  opened.push({ service, dir });
  return service;
}

afterEach(async () => {
  for (const { service, dir } of opened.splice(0)) {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function call<T>(service: ApiService, name: string, input: unknown): Promise<T> {
  const result = await service.handle(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.output as T;
}

describe('a project created from a template', () => {
  it('starts with the data set and training settings that fit the template, kept on reopening', async () => {
    const service = open();
    const created = await call<Project>(service, 'projects.create', {
      name: 'Gates',
      template: 'xor-mlp',
    });
    const reopened = await call<Project>(service, 'projects.open', { projectId: created.id });
    for (const project of [created, reopened]) {
      const { settings, dropped } = readProjectSettings(project.settings);
      expect(dropped).toEqual([]);
      expect(settings.template).toBe('xor-mlp');
      expect(settings.data).toEqual({ source: 'builtin', name: 'xor' });
      expect(settings.backend).toBe('auto');
      expect(settings.training).toMatchObject({
        epochs: 300,
        batchSize: 4,
        validation: { kind: 'none' },
        optimizer: { type: 'adam', learningRate: 0.05 },
      });
    }
  });

  it('without a fitting built-in data set keeps the template and its settings but no data set', async () => {
    const service = open();
    const project = await call<Project>(service, 'projects.create', {
      name: 'Reviews',
      template: 'text-lstm',
    });
    const { settings } = readProjectSettings(project.settings);
    expect(settings.template).toBe('text-lstm');
    expect(settings.data).toBeUndefined();
    expect(settings.training.optimizer.type).toBe('adam');
  });

  it('an empty project has no stored settings, so the general defaults apply', async () => {
    const service = open();
    const project = await call<Project>(service, 'projects.create', { name: 'Blank' });
    expect(project.settings).toEqual({});
  });
});
