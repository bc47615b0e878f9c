import type { ResourceCommandSpec } from './resource-commands.js';

const state = { kind: 'string', description: 'active or inactive' } as const;
const data = { kind: 'json', description: 'Free-form data' } as const;

/** The command specs of DCI's top-level resources: columns as dcictl shows them, dcictl's create flags. */
export const resourceSpecs = {
  product: {
    noun: 'product',
    resource: (dci) => dci.products,
    columns: ['id', 'name', 'label', 'description', 'state'],
    fields: {
      name: { kind: 'string', description: 'Product name', required: true },
      label: { kind: 'string', description: 'Unique label (default: upper-cased name)' },
      description: { kind: 'string', description: 'Description' },
      state,
    },
  },
  topic: {
    noun: 'topic',
    resource: (dci) => dci.topics,
    columns: ['id', 'name', 'state', 'export_control', 'product_id', 'component_types'],
    fields: {
      name: { kind: 'string', description: 'Topic name', required: true },
      'product-id': { kind: 'string', description: 'Product id', required: true },
      'component-types': { kind: 'list', description: 'Component types' },
      'next-topic-id': { kind: 'string', description: 'Next topic id' },
      'export-control': { kind: 'boolean', description: 'Visible to partners' },
      data,
      state,
    },
  },
  component: {
    noun: 'component',
    resource: (dci) => dci.components,
    columns: ['id', 'name', 'type', 'version', 'topic_id', 'tags', 'state'],
    fields: {
      name: { kind: 'string', description: 'Component name', required: true },
      type: { kind: 'string', description: 'Component type', required: true },
      'topic-id': { kind: 'string', description: 'Topic id', required: true },
      version: { kind: 'string', description: 'Version' },
      url: { kind: 'string', description: 'URL' },
      'team-id': { kind: 'string', description: 'Owning team (omit for a product component)' },
      tags: { kind: 'list', description: 'Tags' },
      'released-at': { kind: 'string', description: 'Release date (ISO)' },
      data,
      state,
    },
  },
  job: {
    noun: 'job',
    resource: (dci) => dci.jobs,
    columns: ['id', 'name', 'status', 'topic_id', 'remoteci_id', 'tags', 'created_at'],
    fields: {
      'topic-id': { kind: 'string', description: 'Topic id', required: true },
      components: { kind: 'list', description: 'Component ids', required: true },
      name: { kind: 'string', description: 'Job name' },
      comment: { kind: 'string', description: 'Comment' },
      status: { kind: 'string', description: 'Status (update only: appends a jobstate)' },
      'status-reason': { kind: 'string', description: 'Why the job has its status' },
      configuration: { kind: 'string', description: 'Configuration name' },
      url: { kind: 'string', description: 'URL' },
      tags: { kind: 'list', description: 'Tags' },
      'pipeline-id': { kind: 'string', description: 'Pipeline id' },
    },
  },
  remoteci: {
    noun: 'remoteci',
    resource: (dci) => dci.remotecis,
    columns: ['id', 'name', 'team_id', 'public', 'state'],
    fields: {
      name: { kind: 'string', description: 'Remoteci name', required: true },
      'team-id': { kind: 'string', description: 'Owning team id', required: true },
      public: { kind: 'boolean', description: 'Public remoteci' },
      data,
      state,
    },
  },
  feeder: {
    noun: 'feeder',
    resource: (dci) => dci.feeders,
    columns: ['id', 'name', 'team_id', 'state'],
    fields: {
      name: { kind: 'string', description: 'Feeder name', required: true },
      'team-id': { kind: 'string', description: 'Owning team id', required: true },
      data,
      state,
    },
  },
  team: {
    noun: 'team',
    resource: (dci) => dci.teams,
    columns: ['id', 'name', 'country', 'external', 'state'],
    fields: {
      name: { kind: 'string', description: 'Team name', required: true },
      country: { kind: 'string', description: 'Country code' },
      external: { kind: 'boolean', description: 'Partner team' },
      'has-pre-release-access': { kind: 'boolean', description: 'Sees topics before export control' },
      state,
    },
  },
  user: {
    noun: 'user',
    resource: (dci) => dci.users,
    columns: ['id', 'name', 'fullname', 'email', 'state'],
    fields: {
      name: { kind: 'string', description: 'User name', required: true },
      email: { kind: 'string', description: 'Email' },
      fullname: { kind: 'string', description: 'Full name' },
      password: { kind: 'string', description: 'Password' },
      timezone: { kind: 'string', description: 'Time zone' },
      state,
    },
  },
  pipeline: {
    noun: 'pipeline',
    resource: (dci) => dci.pipelines,
    columns: ['id', 'name', 'team_id', 'state'],
    fields: {
      name: { kind: 'string', description: 'Pipeline name', required: true },
      'team-id': { kind: 'string', description: 'Owning team id', required: true },
      state,
    },
  },
} satisfies Record<string, ResourceCommandSpec>;
