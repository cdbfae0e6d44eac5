/**
 * The accounts feature's front door: other features import this file only.
 * People are not community-owned, so the read models take no communityId.
 */
export { signUp, signIn, signOut, findUser, updateProfile, requestPasswordReset, confirmPasswordReset, type SignedIn, type SignUpInput } from './service.js';
export { indexPeople, insertUser, usersById, type User } from './store.js';
export { hashPassword } from './password.js';
export { accountRoutes } from './routes.js';
