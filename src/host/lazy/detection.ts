// The detection part of the extension (dist/detection.js), loaded by lazy/load.ts on the first
// article: the whole detection core lives in this file of the bundle only, so its state (the entity
// model handed over by installNodePlatform, the figure lexicon built on first use) has one copy.
import { installNodePlatform } from '../../platform/node/install';

installNodePlatform();

export { detect } from '../../core/detect';
export { parseUserList } from '../../core/entities/findEntities';
export { findArticleDate } from '../../core/figures/index';
