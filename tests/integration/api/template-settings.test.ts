import { describe, expect, it } from 'vitest';
import type { ApiService } from '../../../src/main/services/api-service';
import { readProjectSettings } from '../../../src/shared/api/project-settings';
import type { Project } from '../../../src/shared/api/records';
import { apiServices, callService } from '../../fixtures/api-service';

const openService = apiServices();
const open = (): ApiService => openService().service;
const call = callService;

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
      name: 'Photos',
      template: 'alexnet-small',
    });
    const { settings } = readProjectSettings(project.settings);
    expect(settings.template).toBe('alexnet-small');
    expect(settings.data).toBeUndefined();
    expect(settings.training.optimizer.type).toBe('adam');
  });

  it('an empty project has no stored settings, so the general defaults apply', async () => {
    const service = open();
    const project = await call<Project>(service, 'projects.create', { name: 'Blank' });
    expect(project.settings).toEqual({});
  });
});
