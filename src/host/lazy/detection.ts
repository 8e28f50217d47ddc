// The detection part of the extension (dist/detection.js), loaded by lazy/load.ts on the first
// article: the whole detection core lives in this file of the bundle only, so its state (the entity
// model handed over by installNodePlatform, the figure lexicon built on first use) has one copy.
// The workspace entity list's YAML is read by the sidecar part (parseUserList), where yaml lives.
import { installNodePlatform } from '../../platform/node/install';

installNodePlatform();

export { detect } from '../../core/detect';
export { findArticleDate } from '../../core/figures/index';
