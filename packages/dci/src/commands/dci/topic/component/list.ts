import { childRowsListCommand } from '../../../../cli/resource-commands.js';
import { resourceSpecs } from '../../../../cli/resource-specs.js';

export default childRowsListCommand({
  summary: "List a topic's components",
  parent: 'topic',
  list: (dci, topicId, options) => dci.topics.components(topicId, options),
  columns: resourceSpecs.component.columns,
});
