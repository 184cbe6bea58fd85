// Types shared by main.bicep and the modules.

@export()
@description('One MCP server fronted by API Management. Its public (client-facing) URL is https://<gateway host>/<id><path>.')
type mcpServer = {
  @description('Short id: lowercase letters, digits and hyphens only. It becomes the API path segment, the APIM API name and X-MCP-Server-Id.')
  @minLength(1)
  @maxLength(40)
  id: string

  @description('Scheme and host of the MCP server, without a trailing slash, e.g. https://weather.contoso.example.')
  baseUrl: string

  @description('Path of the Streamable HTTP endpoint on that host, starting with "/", e.g. /mcp. No query string.')
  path: string

  @description('Scopes the edge may put in a token it mints for this server. Default: ["mcp.tools"].')
  scopes: string[]?

  @description('When true, a standalone GET event stream is forwarded unbuffered and therefore UNSCREENED. Default: false (GET answers 405).')
  allowUnscreenedStream: bool?
}

@export()
@description('Delegated permissions of a downstream API that the edge may request On-Behalf-Of a user; admin consent is granted for all users.')
type oboPermission = {
  @description('Application (client) id of the downstream API, e.g. 00000003-0000-0000-c000-000000000000 for Microsoft Graph.')
  resourceAppId: string

  @description('Delegated scopes of that API: their ids (for requiredResourceAccess) and values (for the consent grant).')
  scopes: {
    @description('Id of the delegated permission (oauth2PermissionScopes[].id of the downstream API).')
    id: string
    @description('Value of the delegated permission, e.g. User.Read.')
    value: string
  }[]
}
