// Copies the Function app's default host key into Key Vault, where API Management reads it through a
// Key Vault-backed named value (sent as x-functions-key). The value comes from the platform
// (listKeys), never from a literal or a parameter, and is never an output.
// Rotating: regenerate the host key (az functionapp keys set ... --key-type functionKeys --key-name default)
// then run `azd provision` again; APIM picks up the new secret version (versionless reference).

import { builtInRoles } from 'builtin-roles.bicep'

@description('Name of the Function app whose default host key is stored.')
param functionAppName string

@description('Name of the Key Vault.')
param keyVaultName string

@description('Name of the secret that receives the key.')
param secretName string

@description('Object (principal) id of API Management\'s identity, which may read this one secret only.')
param apimIdentityPrincipalId string

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource functionKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: secretName
  properties: {
    contentType: 'Azure Functions host key (x-functions-key) for API Management'
    value: listKeys('${functionApp.id}/host/default', '2024-04-01').functionKeys.default
  }
}

// Least privilege: APIM reads this secret, not the vault (which also holds the signing key).
resource apimSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(functionKeySecret.id, apimIdentityPrincipalId, builtInRoles.keyVaultSecretsUser)
  scope: functionKeySecret
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.keyVaultSecretsUser)
    principalId: apimIdentityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

@description('Versionless URI of the secret, for the APIM named value.')
output secretUri string = functionKeySecret.properties.secretUri
