/**
 * The content feature's front door: posts and questions, replies, reactions,
 * bookmarks, moderation, search and the public teasers. Other features, jobs
 * and the app import this file only (pure code may import ./rules.js).
 */
export {
  createPost,
  reply,
  react,
  bookmark,
  acceptAnswer,
  moderate,
  getFeed,
  getPost,
  getReplies,
  searchContent,
  publicTeasers,
  getContentSettings,
  updateContentSettings,
  type PostInput,
  type FeedInput,
  type Moderation,
} from './service.js';
export { contentRoutes, type ContentApi } from './routes.js';
export * from './rules.js';
export { loadContentDemo } from './demo.js';
export { addDuty, removeDuty, coreDashboard, type DutyInput } from './core.js';
