/**
 * Activities' front door: 打卡 challenges (and, next, events). Other features,
 * jobs and the app import this file only (pure code may import ./rules.js).
 */
export { createChallenge, listChallenges, getChallenge, joinChallenge, checkIn, respond } from './challenges.js';
export { createEvent, listEvents, getEvent, rsvp, attendees, attendeesCsv, myCode, checkInByCode, eventIcs } from './events.js';
export { activitiesRoutes } from './routes.js';
export { loadActivitiesDemo } from './demo.js';
export { missedCheckinsRule } from './missed-rule.js';
export { sendCheckinReminders, REMIND_FROM_HOUR } from './reminders.js';
export * from './rules.js';
