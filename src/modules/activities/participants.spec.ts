import { ActivityException } from './activity.exception';
import { participantCounts } from './participants';

describe('participant counts of an activity', () => {
  it('keeps a total without a breakdown as "not recorded", so every breakdown still adds up', () => {
    expect(participantCounts({ total: 211 })).toMatchObject({
      participantsTotal: 211,
      participantsFemale: 0,
      participantsMale: 0,
      participantsSexNotRecorded: 211,
      participantsAgeNotRecorded: 211,
    });
  });

  it('stores a breakdown that adds up', () => {
    expect(
      participantCounts({
        total: 25,
        bySex: { female: 15, male: 10 },
        byAgeBand: { from18To24: 20, from25To59: 4, notRecorded: 1 },
      }),
    ).toEqual({
      participantsTotal: 25,
      participantsFemale: 15,
      participantsMale: 10,
      participantsSexNotRecorded: 0,
      participantsUnder18: 0,
      participants18To24: 20,
      participants25To59: 4,
      participants60Plus: 0,
      participantsAgeNotRecorded: 1,
    });
  });

  it('refuses a breakdown by sex that does not add up, naming it and showing the sum', () => {
    const sut = () => participantCounts({ total: 211, bySex: { female: 100, male: 90 } });
    expect(sut).toThrow(ActivityException);
    expect(sut).toThrow('participants.bySex: female 100 + male 90 + notRecorded 0 = 190, not the total of 211');
    try {
      sut();
    } catch (error) {
      expect((error as ActivityException).field).toBe('participants.bySex');
    }
  });

  it('refuses a breakdown by age band that does not add up', () => {
    expect(() => participantCounts({ total: 10, byAgeBand: { under18: 11 } })).toThrow(/participants\.byAgeBand/);
  });

  it('records no counts at all when participants are not known', () => {
    expect(participantCounts(undefined).participantsTotal).toBeNull();
  });
});
