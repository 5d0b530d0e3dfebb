# syntax=docker/dockerfile:1
# Sahut: the host plus every plugin, published by the same script the CI smoke test uses.
#   docker build -t sahut .
#   docker run -d -p 8080:8080 -v sahut-data:/data sahut
#   docker run --rm -v sahut-data:/data sahut setup --workspace Acme --email you@example.com --password '…'

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
COPY . .
RUN bash build/publish.sh /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# `app` (uid 1654) is the aspnet image's non-root user; it owns the data volume.
RUN mkdir -p /data && chown app:app /data
ENV Sahut__DataDir=/data \
    ASPNETCORE_URLS=http://+:8080 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
VOLUME /data
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "Sahut.Web.dll"]
