import type { Principal } from './principal';

/**
 * Demo accounts of the development issuer, one per kind of user. The scope ids match the demo data
 * the start command loads. Fixed UUIDs so that tests, demo data and tokens agree.
 */
export const DEMO_IDS = {
  providerHanze: '11111111-1111-4111-8111-000000000001',
  providerWindesheim: '11111111-1111-4111-8111-000000000002',
  regionUtrechtStad: 'utrecht-stad',
  regionHaaglanden: 'haaglanden',
  teacherAnne: '22222222-2222-4222-8222-000000000001',
  teacherBram: '22222222-2222-4222-8222-000000000002',
  teacherCarla: '22222222-2222-4222-8222-000000000003',
  teacherDaan: '22222222-2222-4222-8222-000000000004',
} as const;

export const DEMO_ACCOUNTS: Record<string, Principal> = {
  'docent-anne': { subject: 'demo-docent-anne', roles: ['teacher'], teacherId: DEMO_IDS.teacherAnne, schoolId: '12AB00' },
  'docent-bram': { subject: 'demo-docent-bram', roles: ['teacher'], teacherId: DEMO_IDS.teacherBram, schoolId: '34CD01' },
  'docent-carla': { subject: 'demo-docent-carla', roles: ['teacher'], teacherId: DEMO_IDS.teacherCarla, schoolId: '12AB00' },
  'docent-daan': { subject: 'demo-docent-daan', roles: ['teacher'], teacherId: DEMO_IDS.teacherDaan, schoolId: '12AB01' },
  'schoolleider-utrecht': { subject: 'demo-schoolleider-utrecht', roles: ['school-leader'], schoolId: '12AB00' },
  'opleider-hanze': { subject: 'demo-opleider-hanze', roles: ['provider'], providerId: DEMO_IDS.providerHanze },
  'opleider-windesheim': { subject: 'demo-opleider-windesheim', roles: ['provider'], providerId: DEMO_IDS.providerWindesheim },
  'beoordelaar-1': { subject: 'demo-beoordelaar-1', roles: ['assessor'] },
  'beoordelaar-2': { subject: 'demo-beoordelaar-2', roles: ['assessor'] },
  'regio-utrecht-stad': { subject: 'demo-regio-utrecht-stad', roles: ['region'], regionId: DEMO_IDS.regionUtrechtStad },
  'ministerie-ocw': { subject: 'demo-ministerie-ocw', roles: ['ministry'] },
  beheerder: { subject: 'demo-beheerder', roles: ['admin'] },
};
