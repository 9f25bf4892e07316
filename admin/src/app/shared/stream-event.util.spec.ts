import { STREAM_EVENT_TYPES, type StreamEvent } from '@integron/contracts';

import {
  CAPTAIN_REF,
  COZYCAT,
  GIFT_BOMB,
  NIGHTOWL,
  PIXELWOLF,
  RAID,
  RESUB,
  TEST_CHEER,
} from '../../testing/stream-events.fixtures';
import {
  describeStreamEvent,
  streamEventDetail,
  streamEventTypeIcon,
  streamEventTypeLabel,
} from './stream-event.util';

const BASE = {
  eventId: 'evt-x',
  channel: CAPTAIN_REF,
  occurredAt: '2026-11-22T12:00:00.000Z',
  source: 'eventsub',
} as const;

describe('stream-event.util', () => {
  describe(describeStreamEvent.name, () => {
    it('tells a gift bomb as one gift of its count', () => {
      expect(describeStreamEvent(GIFT_BOMB)).toBe('PixelWolf gifted 5 Tier 1 subs');
    });

    it('names the recipient of a single gift, and says when the gifter was anonymous', () => {
      expect(
        describeStreamEvent({ ...GIFT_BOMB, count: 1, recipients: [NIGHTOWL], plan: '2000' }),
      ).toBe('PixelWolf gifted a Tier 2 sub to NightOwl');
      expect(describeStreamEvent({ ...GIFT_BOMB, gifter: null, count: 1, recipients: [] })).toBe(
        'An anonymous gifter gifted 1 Tier 1 sub',
      );
    });

    it('tells a resub with its months and message', () => {
      expect(describeStreamEvent(RESUB)).toBe(
        'NightOwl resubscribed for 12 months: A whole year already!',
      );
      expect(describeStreamEvent({ ...RESUB, cumulativeMonths: 1, message: null })).toBe(
        'NightOwl resubscribed for 1 month',
      );
    });

    it('tells raids, cheers, subs and follows', () => {
      expect(describeStreamEvent(RAID)).toBe('Raid from LagSpike with 120 viewers');
      expect(describeStreamEvent(TEST_CHEER)).toBe('CozyCat cheered 500 bits: Cheer500 great play');
      expect(
        describeStreamEvent({
          ...BASE,
          type: 'cheer',
          user: null,
          bits: 1,
          message: { text: '', emotes: [] },
        }),
      ).toBe('An anonymous cheerer cheered 1 bit');
      expect(describeStreamEvent({ ...BASE, type: 'sub', user: PIXELWOLF, plan: 'Prime' })).toBe(
        'PixelWolf subscribed with Prime',
      );
      expect(describeStreamEvent({ ...BASE, type: 'sub', user: PIXELWOLF, plan: '3000' })).toBe(
        'PixelWolf subscribed at Tier 3',
      );
      expect(describeStreamEvent({ ...BASE, type: 'follow', user: COZYCAT })).toBe(
        'CozyCat followed',
      );
    });

    it('names the winner of a completed poll and a resolved prediction', () => {
      const poll: StreamEvent = {
        ...BASE,
        type: 'poll.end',
        pollId: 'p1',
        title: 'Which map next?',
        choices: [
          { id: 'a', title: 'Desert', votes: 41 },
          { id: 'b', title: 'Jungle', votes: 29 },
        ],
        endsAt: BASE.occurredAt,
        status: 'completed',
      };
      expect(describeStreamEvent(poll)).toBe(
        'Poll ended: Which map next? — Desert won with 41 votes',
      );
      expect(describeStreamEvent({ ...poll, status: 'terminated' })).toBe(
        'Poll ended: Which map next?',
      );
      expect(streamEventDetail(poll)).toBe('Desert (41) · Jungle (29)');

      const prediction: StreamEvent = {
        ...BASE,
        type: 'prediction.end',
        predictionId: 'r1',
        title: 'Boss first try?',
        outcomes: [
          { id: 'y', title: 'Yes', color: 'blue', users: 1, channelPoints: 500 },
          { id: 'n', title: 'No', color: 'pink', users: 8, channelPoints: 12_500 },
        ],
        locksAt: BASE.occurredAt,
        winningOutcomeId: 'n',
        status: 'resolved',
      };
      expect(describeStreamEvent(prediction)).toBe('Prediction ended: Boss first try? — No won');
      expect(describeStreamEvent({ ...prediction, status: 'canceled' })).toBe(
        'Prediction canceled: Boss first try?',
      );
      expect(streamEventDetail(prediction)).toBe(
        'Yes: 1 person, 500 points · No: 8 people, 12,500 points',
      );
    });

    it('tells redemptions and shoutouts', () => {
      expect(
        describeStreamEvent({
          ...BASE,
          type: 'redemption',
          redemptionId: 'r',
          user: COZYCAT,
          reward: { id: 'w', title: 'Hydrate!', cost: 500, prompt: '' },
          userInput: 'drink up',
          status: 'unfulfilled',
        }),
      ).toBe('CozyCat redeemed Hydrate! (500 points): drink up');
      const shoutout: StreamEvent = {
        ...BASE,
        type: 'shoutout',
        to: NIGHTOWL,
        moderator: PIXELWOLF,
        viewerCount: 1_500,
      };
      expect(describeStreamEvent(shoutout)).toBe('Shoutout to NightOwl by PixelWolf');
      expect(streamEventDetail(shoutout)).toBe('Shown to 1,500 viewers');
    });
  });

  describe(streamEventDetail.name, () => {
    it('lists a gift bomb’s recipients and the gifter’s total', () => {
      expect(streamEventDetail(GIFT_BOMB)).toBe(
        'To NightOwl, CozyCat, LagSpike · 25 gifts in total',
      );
    });

    it('shortens a long list of recipients', () => {
      const recipients = Array.from({ length: 8 }, (_, index) => ({
        ...NIGHTOWL,
        id: String(index),
        displayName: `Owl${index}`,
      }));
      expect(streamEventDetail({ ...GIFT_BOMB, recipients, gifterTotal: null })).toBe(
        'To Owl0, Owl1, Owl2, Owl3, Owl4 and 3 more',
      );
    });

    it('adds nothing where the line says it all', () => {
      expect(streamEventDetail(RAID)).toBeNull();
      expect(streamEventDetail(RESUB)).toBeNull();
    });
  });

  it('labels every type and gives each an icon', () => {
    for (const type of STREAM_EVENT_TYPES) {
      expect(streamEventTypeLabel(type)).not.toBe('');
      expect(streamEventTypeIcon(type)).toMatch(/^[a-z_]+$/);
    }
  });
});
