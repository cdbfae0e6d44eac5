/** The content feature's tables (migrations 0009_content, 0010_core_duties). The search index is search.ts's own (raw SQL). */
export type PostKind = 'post' | 'question';
export type Visibility = 'members' | 'core' | 'tier';
/** `link`: a post that is mostly a public link — shared, not original (taxonomy ContentOrigin). */
export type PostOrigin = 'original' | 'link';
export type QuestionState = 'open' | 'answered' | 'accepted';
export type AskedTo = 'core' | 'member';

export interface PostsTable {
  id: string;
  communityId: string;
  authorId: string;
  kind: PostKind;
  title: string | null;
  body: string;
  /** The body rendered and sanitised when written (markdown.ts), so a read renders nothing. */
  html: string;
  tags: string; // JSON string[]
  visibility: Visibility;
  tierId: string | null;
  teaser: string | null;
  origin: PostOrigin;
  essence: number;
  pinned: number;
  locked: number;
  hiddenAt: string | null;
  hiddenReason: string | null;
  replyCount: number;
  lastActivityAt: string;
  askedTo: AskedTo | null;
  askedUserId: string | null;
  questionState: QuestionState | null;
  acceptedReplyId: string | null;
  answeredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PostTagsTable {
  communityId: string;
  postId: string;
  tag: string;
}

export interface RepliesTable {
  id: string;
  communityId: string;
  postId: string;
  authorId: string;
  parentId: string | null;
  replyToUserId: string | null;
  body: string;
  html: string;
  hiddenAt: string | null;
  createdAt: string;
}

export interface ReactionsTable {
  communityId: string;
  postId: string;
  replyId: string; // '' for the post itself
  userId: string;
  reaction: string;
  createdAt: string;
}

export interface BookmarksTable {
  communityId: string;
  userId: string;
  postId: string;
  createdAt: string;
}

export interface ContentSettingsTable {
  communityId: string;
  settings: string; // JSON ContentSettings
  updatedBy: string | null;
  updatedAt: string;
}

export type DutyKind = 'original_posts' | 'answer_within';
export type DutyPeriod = 'week' | 'month';

export interface CoreDutiesTable {
  id: string;
  communityId: string;
  userId: string | null; // null: every core member
  kind: DutyKind;
  target: number; // original posts per period, or hours to answer within
  period: DutyPeriod;
  createdBy: string;
  createdAt: string;
}

export interface ContentTables {
  coreDuties: CoreDutiesTable;
  posts: PostsTable;
  postTags: PostTagsTable;
  replies: RepliesTable;
  reactions: ReactionsTable;
  bookmarks: BookmarksTable;
  contentSettings: ContentSettingsTable;
}
