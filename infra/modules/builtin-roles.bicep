// Built-in Azure role definition ids used by MCP Security Edge.
// The ids are the same in every subscription (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
// test/infra/bicep.test.ts holds the same table and fails if a role assignment uses an id that is not here,
// or if this table drifts from the test's copy.
//
// | role                           | id                                   | assigned to                       | scope                         |
// |--------------------------------|--------------------------------------|-----------------------------------|-------------------------------|
// | Storage Blob Data Owner        | b7e6dc6d-f1e8-4753-8033-0f276bb0955b | Function app identity             | storage account (host + package) |
// | Storage Table Data Contributor | 0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3 | Function app identity             | storage account (edge tables) |
// | Key Vault Secrets User         | 4633458b-17de-408a-b874-0445c86b69e6 | Function app identity; APIM identity | vault; one secret (APIM)   |
// | Key Vault Secrets Officer      | b86a8fe4-44ce-4948-aee5-eccb2c155cd7 | the deploying principal           | vault (post-provision hook)   |
// | Cognitive Services User        | a97b65f3-24c7-4388-baec-2e87135dc908 | Function app identity             | Content Safety account        |
// | Monitoring Metrics Publisher   | 3913510d-42f4-4e42-8a64-420c390055eb | Function app identity             | Application Insights          |

@export()
@description('Built-in role definition ids, by role. Use with subscriptionResourceId(\'Microsoft.Authorization/roleDefinitions\', id).')
var builtInRoles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  cognitiveServicesUser: 'a97b65f3-24c7-4388-baec-2e87135dc908'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}
