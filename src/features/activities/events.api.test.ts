import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startTestApp, type TestApp } from '../../kernel/http/testing.js';
import { admitted, cast, type Cast } from './testing.js';

for (const dialect of DIALECTS) {
  describe(`events API (${dialect})`, () => {
    let t: TestApp;
    let c: Cast;
    let id: string;
    const base = () => `/api/communities/${c.slug}/events`;
    beforeAll(async () => {
      t = await startTestApp(dialect);
      c = await cast(t, 'mock-exams', 4);
    });
    afterAll(() => t?.close());

    it('the owner creates an event with just title, start and capacity; a member cannot', async () => {
      const r = await c.owner.c.post(base(), { title: '模考交流会', startsAt: '2026-03-10T11:00:00Z', capacity: 2 });
      expect(r.status).toBe(201);
      id = r.body.id;
      expect((await c.members[0]!.c.post(base(), { title: 'x', startsAt: '2026-03-10T11:00:00Z', capacity: 2 })).status).toBe(403);
      const bad = await c.owner.c.post(base(), { title: 'x', startsAt: 'tomorrow', capacity: 0 });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['capacity', 'startsAt']);
      await c.owner.c.post(base(), { title: 'Venue test', startsAt: '2026-03-12T11:00:00Z', capacity: 1, venue: '静安区 某咖啡馆 2 楼', meetingLink: 'https://meet.example.com/abc' });
      expect((await c.members[0]!.c.get(base())).body.events.map((e: { title: string }) => e.title)).toEqual(['Venue test', '模考交流会']);
    });

    it('RSVPs fill the places, then the waitlist; a cancellation promotes the head of the queue, who is told', async () => {
      const [a, b, d, e] = c.members;
      const go = (p: typeof a) => p!.c.post(`${base()}/${id}/rsvp`, { status: 'going' });
      expect((await go(a)).body).toEqual({ status: 'going', position: null });
      expect((await go(b)).body).toEqual({ status: 'going', position: null });
      expect((await go(d)).body).toEqual({ status: 'waitlisted', position: 1 });
      expect((await go(e)).body).toEqual({ status: 'waitlisted', position: 2 });
      expect((await go(d)).body).toEqual({ status: 'waitlisted', position: 1 }); // asking again keeps the place in the queue
      expect((await a!.c.post(`${base()}/${id}/rsvp`, { status: 'not_going' })).body).toEqual({ status: 'not_going', position: null });
      expect((await d!.c.get(`${base()}/${id}`)).body.me).toMatchObject({ status: 'going' });
      expect((await e!.c.get(`${base()}/${id}`)).body.me).toMatchObject({ status: 'waitlisted', position: 1 });
      const notices = (await d!.c.get(`/api/communities/${c.slug}/notices`)).body.notices;
      expect(notices.map((n: { kind: string }) => n.kind)).toContain('activities.promoted');
      const mail = await t.db.kysely.selectFrom('mailOutbox').select(['toAddress', 'subject']).where('toAddress', '=', d!.email).execute();
      expect(mail).toEqual([{ toAddress: d!.email, subject: 'A place opened up: 模考交流会' }]);
      // Someone who gave up a place and asks again joins the back of the queue.
      expect((await go(a)).body).toEqual({ status: 'waitlisted', position: 2 });
    });

    it('the host sees the list and exports it as safe CSV', async () => {
      await t.db.kysely.updateTable('users').set({ displayName: '=HYPERLINK("x")' }).where('id', '=', c.members[1]!.id).execute();
      const list = (await c.owner.c.get(`${base()}/${id}/attendees`)).body.attendees;
      expect(list.map((x: { status: string; position: number | null }) => [x.status, x.position])).toEqual([
        ['going', null],
        ['going', null],
        ['waitlisted', 1],
        ['waitlisted', 2],
      ]);
      const csv = await c.owner.c.get(`${base()}/${id}/attendees?format=csv`);
      expect(csv.status).toBe(200);
      expect(String(csv.headers['content-type'])).toContain('text/csv');
      expect(csv.body).toContain(`'=HYPERLINK`);
      expect((await c.members[2]!.c.get(`${base()}/${id}/attendees`)).status).toBe(403);
      expect((await c.members[2]!.c.get(`${base()}/${id}/attendees?format=csv`)).status).toBe(403);
    });

    it('a going member checks in once by their code; a made-up or reused code is refused', async () => {
      const d = c.members[2]!;
      const mine = (await d.c.get(`${base()}/${id}/my-code`)).body;
      expect(mine.code).toMatch(/^[A-Z2-9]{8}$/);
      expect(mine.qrSvg).toContain('<svg');
      expect((await c.members[3]!.c.get(`${base()}/${id}/my-code`)).status).toBe(403); // waitlisted
      expect((await c.owner.c.post(`${base()}/${id}/checkin`, { code: 'AAAAAAAA' })).status).toBe(404);
      expect((await d.c.post(`${base()}/${id}/checkin`, { code: mine.code })).status).toBe(403); // not a host
      const typed = `${mine.code.slice(0, 4).toLowerCase()}-${mine.code.slice(4)}`;
      const ok = await c.owner.c.post(`${base()}/${id}/checkin`, { code: typed });
      expect(ok.status).toBe(200);
      expect(ok.body.member.id).toBe(d.id);
      const again = await c.owner.c.post(`${base()}/${id}/checkin`, { code: mine.code });
      expect(again.status).toBe(409);
      expect(again.body.error.fields[0].code).toBe('code_used');
      expect((await c.owner.c.get(`${base()}/${id}`)).body.attended).toBe(1);
      const events = await t.db.kysely.selectFrom('activityEvents').select(['kind', 'actorId']).where('kind', '=', 'activity.attended').execute();
      expect(events).toEqual([{ kind: 'activity.attended', actorId: d.id }]);
    });

    it('an .ics file per event', async () => {
      const r = await c.members[0]!.c.get(`${base()}/${id}/ics`);
      expect(String(r.headers['content-type'])).toContain('text/calendar');
      expect(r.body).toContain('DTSTART:20260310T110000Z');
      expect(r.body).toContain('SUMMARY:模考交流会');
    });

    it('venue and meeting link only for those going and the hosts — in the page and the .ics', async () => {
      const venueEvent = (await c.members[0]!.c.get(base())).body.events.find((e: { title: string }) => e.title === 'Venue test').id;
      const url = `${base()}/${venueEvent}`;
      const goer = await admitted(t, c.communityId, 'Goer');
      await goer.c.post(`${url}/rsvp`, { status: 'going' });
      const waiting = c.members[0]!;
      expect((await waiting.c.post(`${url}/rsvp`, { status: 'going' })).body.status).toBe('waitlisted');
      const hidden = (await waiting.c.get(url)).body;
      expect(hidden).toMatchObject({ venue: null, meetingLink: null, hasVenue: true, hasMeetingLink: true });
      expect((await waiting.c.get(`${url}/ics`)).body).not.toContain('咖啡馆');
      expect((await goer.c.get(url)).body).toMatchObject({ venue: '静安区 某咖啡馆 2 楼', meetingLink: 'https://meet.example.com/abc' });
      expect((await goer.c.get(`${url}/ics`)).body).toContain('咖啡馆');
      expect((await c.owner.c.get(url)).body.venue).toBe('静安区 某咖啡馆 2 楼');
    });

    it('visitors, applicants, removed members and other communities see no event, venue, list or code', async () => {
      const paths = ['', `/${id}`, `/${id}/attendees`, `/${id}/attendees?format=csv`, `/${id}/my-code`, `/${id}/ics`];
      for (const p of paths) expect((await t.client().get(`${base()}${p}`)).status, p).toBe(401);
      for (const who of [c.applicant, c.removed, c.outsider]) {
        for (const p of paths) expect((await who.c.get(`${base()}${p}`)).status, p).toBe(403);
        expect((await who.c.post(`${base()}/${id}/rsvp`, { status: 'going' })).status).toBe(403);
        expect((await who.c.post(`${base()}/${id}/checkin`, { code: 'AAAAAAAA' })).status).toBe(403);
      }
      // The owner of another community cannot reach this one's event through their own.
      expect((await c.outsider.c.get(`/api/communities/${c.slug}-other/events/${id}`)).status).toBe(404);
    });

    it('registration closes when the event starts', async () => {
      t.clock.set('2026-03-10T11:00:00Z');
      const r = await c.members[3]!.c.post(`${base()}/${id}/rsvp`, { status: 'not_going' });
      expect(r.status).toBe(409);
      expect(r.body.error.fields[0].code).toBe('rsvp_started');
    });
  });
}
