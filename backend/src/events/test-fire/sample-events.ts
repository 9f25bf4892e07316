import { randomInt, randomUUID } from 'node:crypto';
import { type StreamEventType, type UserRef } from '@integron/contracts';

const NAMES = ['PixelWolf', 'NightOwl', 'CozyCat', 'LagSpike', 'TurboTaco', 'MossyRock', 'Quokka'];

function viewer(): UserRef {
  const name = `${NAMES[randomInt(NAMES.length)]}${randomInt(100, 1_000)}`;
  return {
    id: String(randomInt(10_000_000, 999_999_999)),
    login: name.toLowerCase(),
    displayName: name,
  };
}

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

/** Plausible fields of each stream event type, for the test panel to fire or to start editing from. */
export function sampleFields(type: StreamEventType): Record<string, unknown> {
  switch (type) {
    case 'follow':
      return { user: viewer() };
    case 'sub':
      return { user: viewer(), plan: '1000' };
    case 'resub':
      return {
        user: viewer(),
        plan: '1000',
        cumulativeMonths: 12,
        streakMonths: 12,
        durationMonths: 1,
        message: { text: 'A whole year already!', emotes: [] },
      };
    case 'gift': {
      const recipients = Array.from({ length: 5 }, viewer);
      return { gifter: viewer(), plan: '1000', count: 5, recipients, gifterTotal: 25 };
    }
    case 'cheer':
      return { user: viewer(), bits: 500, message: { text: 'Cheer500 great play', emotes: [] } };
    case 'raid':
      return { from: viewer(), viewers: 120 };
    case 'redemption':
      return {
        redemptionId: randomUUID(),
        user: viewer(),
        reward: {
          id: randomUUID(),
          title: 'Hydrate!',
          cost: 500,
          prompt: 'Make the streamer drink water',
        },
        userInput: '',
        status: 'unfulfilled',
      };
    case 'hype_train.begin':
    case 'hype_train.end':
      return {
        trainId: randomUUID(),
        level: type === 'hype_train.begin' ? 1 : 3,
        total: 2_400,
        progress: type === 'hype_train.begin' ? 400 : 0,
        goal: 1_800,
        topContributors: [{ user: viewer(), type: 'bits', total: 1_000 }],
      };
    case 'poll.begin':
    case 'poll.end':
      return {
        pollId: randomUUID(),
        title: 'Which map next?',
        choices: [
          { id: randomUUID(), title: 'Desert', votes: type === 'poll.end' ? 41 : 0 },
          { id: randomUUID(), title: 'Jungle', votes: type === 'poll.end' ? 29 : 0 },
        ],
        endsAt: inMinutes(type === 'poll.begin' ? 2 : 0),
        status: type === 'poll.begin' ? 'active' : 'completed',
      };
    case 'prediction.begin':
    case 'prediction.end': {
      const outcomes = [
        { id: randomUUID(), title: 'Win', color: 'blue', users: 12, channelPoints: 30_000 },
        { id: randomUUID(), title: 'Lose', color: 'pink', users: 8, channelPoints: 12_500 },
      ];
      return {
        predictionId: randomUUID(),
        title: 'Will we win this round?',
        outcomes,
        locksAt: inMinutes(type === 'prediction.begin' ? 5 : 0),
        winningOutcomeId: type === 'prediction.end' ? outcomes[0]!.id : null,
        status: type === 'prediction.begin' ? 'active' : 'resolved',
      };
    }
    case 'shoutout':
      return { to: viewer(), moderator: viewer(), viewerCount: 87 };
  }
}
