import type { SubgraphTester } from '@civic/test-harness';
import type { Models } from '../../src/models/index.ts';
import { dataOf, staff } from '@civic/test-harness';
import { rootCreator } from './viewers.ts';

const CREATE = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`;

/**
 * Builds organisation trees through the API, as a district admin whose scope is the tree's root.
 * Sample data as users would enter it.
 */
export class TreeBuilder {
  private rootId: string | null = null;

  constructor(private readonly tester: SubgraphTester<Models>) {}

  async organisation(name: string, kind: string, parentId?: string, contact?: { phone?: string; address?: string }): Promise<string> {
    const viewer = this.rootId ? staff('DISTRICT_ADMIN', [this.rootId]) : rootCreator;
    const result = await this.tester.execute(CREATE, { input: { name, kind, parentId, contact } }, viewer);
    const id = dataOf<{ createOrganisation: { id: string } }>(result).createOrganisation.id;
    this.rootId ??= id;
    return id;
  }

  /** District → street → community → branch → group, plus the community's other bodies. */
  async fiveLevels() {
    const district = await this.organisation('建邺区委', 'DISTRICT_COMMITTEE');
    const street = await this.organisation('江心洲街道党工委', 'STREET_COMMITTEE', district);
    const community = await this.organisation('新城社区党委', 'COMMUNITY_PARTY_COMMITTEE', street, {
      phone: '025-86451234',
      address: '南京市建邺区江心洲街道新城路18号',
    });
    const branch = await this.organisation('新城社区第一党支部', 'PARTY_BRANCH', community);
    const group = await this.organisation('第一党小组', 'PARTY_GROUP', branch);
    return { district, street, community, branch, group };
  }
}
