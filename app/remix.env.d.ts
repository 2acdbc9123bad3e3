/// <reference types="@remix-run/node" />
/// <reference types="@remix-run/react" />
/// <reference types="@remix-run/dev" />
