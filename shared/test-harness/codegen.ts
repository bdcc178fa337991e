import { graphDocumentsCodegenConfig } from '@civic/service-kit/codegen';

// The builders' operations, typed from the composed supergraph like the services' own queries.
export default graphDocumentsCodegenConfig();
